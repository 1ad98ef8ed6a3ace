import type { RunbookSummary } from '@reliability-suite/plugin-reliability-common';

/** How recently a runbook was reviewed, against its review interval. */
export type Freshness = 'fresh' | 'due' | 'stale' | 'unknown';

const DAY = 24 * 60 * 60 * 1000;

/**
 * `stale` once the review interval has passed since the last review; `due`
 * in the last 14 days of it (or its last tenth, for short intervals);
 * `unknown` when the runbook does not say.
 */
export function freshnessOf(
  review: RunbookSummary['review'],
  now: Date = new Date(),
): { freshness: Freshness; nextReview?: Date } {
  const last = review?.lastReviewed ? Date.parse(review.lastReviewed) : NaN;
  if (!review?.intervalDays || Number.isNaN(last)) {
    return { freshness: 'unknown' };
  }
  const next = last + review.intervalDays * DAY;
  const warning = Math.min(14, Math.ceil(review.intervalDays / 10)) * DAY;
  const t = now.getTime();
  let freshness: Freshness = 'fresh';
  if (t > next) freshness = 'stale';
  else if (t > next - warning) freshness = 'due';
  return { freshness, nextReview: new Date(next) };
}

/** How many of these runbooks are past their review interval. */
export function overdueForReview(
  runbooks: Pick<RunbookSummary, 'review'>[],
  now: Date = new Date(),
): number {
  return runbooks.filter(r => freshnessOf(r.review, now).freshness === 'stale')
    .length;
}
