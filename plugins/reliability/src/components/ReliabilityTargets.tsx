import { StructuredMetadataTable } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { OwnerLink } from './OwnerLink';
import {
  ANNOTATION_RUNBOOKS,
  ANNOTATION_TIER,
  type AnnotatedObjective,
  type EntityReliabilityOverview,
  formatRecoveryObjective,
} from '@reliability-suite/plugin-reliability-common';

const NOT_SET = 'not set';

// An RPO or RTO as read by the backend, or what is wrong with what is
// written: a word such as "Near-zero" is shown with its problem, never as if
// it were a target.
const Objective = ({ objective }: { objective?: AnnotatedObjective }) => {
  if (!objective) return <>{NOT_SET}</>;
  if (objective.value) return <>{formatRecoveryObjective(objective.value)}</>;
  return (
    <Typography variant="body2" color="error" component="span">
      “{objective.text}” {objective.error?.replace(/^"[^"]*" /, '')}
    </Typography>
  );
};

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
        Owner: overview.owner ? <OwnerLink owner={overview.owner} /> : NOT_SET,
        Tier: a[ANNOTATION_TIER] ?? NOT_SET,
        'Recovery point objective (RPO)': (
          <Objective objective={overview.objectives?.rpo} />
        ),
        'Recovery time objective (RTO)': (
          <Objective objective={overview.objectives?.rto} />
        ),
        Runbooks: a[ANNOTATION_RUNBOOKS] ?? NOT_SET,
      }}
    />
  );
};
