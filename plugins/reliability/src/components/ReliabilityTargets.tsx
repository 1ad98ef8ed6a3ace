import {
  ANNOTATION_RPO,
  ANNOTATION_RTO,
  ANNOTATION_RUNBOOKS,
  ANNOTATION_TIER,
  type EntityReliabilityOverview,
} from '@reliability-suite/plugin-reliability-common';
import { StructuredMetadataTable } from '@backstage/core-components';

const NOT_SET = 'not set';

/**
 * The entity's declared reliability targets, as the backend read them from
 * the catalog.
 */
export const ReliabilityTargets = ({
  overview,
}: {
  overview: EntityReliabilityOverview;
}) => {
  const a = overview.annotations;
  return (
    <StructuredMetadataTable
      options={{ titleFormat: (key: string) => key }}
      metadata={{
        Owner: overview.owner ?? NOT_SET,
        Tier: a[ANNOTATION_TIER] ?? NOT_SET,
        'Recovery point objective (RPO)': a[ANNOTATION_RPO] ?? NOT_SET,
        'Recovery time objective (RTO)': a[ANNOTATION_RTO] ?? NOT_SET,
        Runbooks: a[ANNOTATION_RUNBOOKS] ?? NOT_SET,
      }}
    />
  );
};
