import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { RunbookSummary } from '@reliability-suite/plugin-reliability-common';
import { freshnessOf } from './freshness';

/** Fresh / review due / stale, against the runbook's review interval. */
export const FreshnessStatus = ({
  review,
}: {
  review: RunbookSummary['review'];
}) => {
  const { freshness, nextReview } = freshnessOf(review);
  const next = nextReview
    ? ` (next review ${nextReview.toISOString().slice(0, 10)})`
    : '';
  switch (freshness) {
    case 'fresh':
      return <StatusOK>Fresh{next}</StatusOK>;
    case 'due':
      return <StatusWarning>Review due{next}</StatusWarning>;
    case 'stale':
      return (
        <StatusError>Stale: last reviewed {review?.lastReviewed}</StatusError>
      );
    default:
      return <StatusPending>No review date</StatusPending>;
  }
};
