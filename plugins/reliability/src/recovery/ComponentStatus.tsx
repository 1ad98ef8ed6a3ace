import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  type ComplianceState,
  type ComponentRecoveryStatus,
  formatDuration,
  VERIFICATION_WORDS,
} from '@reliability-suite/plugin-reliability-common';
import { Timestamp } from '../components/Timestamp';

const LABEL: Record<ComplianceState, string> = {
  violated: 'Violated',
  stale: 'Drill stale',
  'at-risk': 'At risk',
  unknown: 'No data',
  unchecked: 'Not checkable',
  ok: 'OK',
  'not-needed': 'No backup needed',
};

/** A compliance state as a status light with its word. */
export const ComplianceLight = ({ state }: { state: ComplianceState }) => {
  const label = LABEL[state];
  switch (state) {
    case 'violated':
      return <StatusError>{label}</StatusError>;
    case 'stale':
    case 'at-risk':
      return <StatusWarning>{label}</StatusWarning>;
    case 'unknown':
    case 'unchecked':
      return <StatusPending>{label}</StatusPending>;
    default:
      return <StatusOK>{label}</StatusOK>;
  }
};

/** A state's light and, under it, why. */
export const StateWithReasons = ({
  state,
  reasons,
}: {
  state: ComplianceState;
  reasons: string[];
}) => (
  <>
    <ComplianceLight state={state} />
    {reasons.map(r => (
      <Typography key={r} variant="caption" display="block">
        {r}
      </Typography>
    ))}
  </>
);

/** "Restorable from … to …": the oldest and the latest point a restore reaches. */
export const RecoverableWindow = ({
  window,
  testId,
}: {
  window: { from?: string; to: string; job?: string };
  testId?: string;
}) => (
  <Typography variant="caption" display="block" data-testid={testId}>
    Restorable{' '}
    {window.from && (
      <>
        from <Timestamp value={window.from} />{' '}
      </>
    )}
    to <Timestamp value={window.to} />
    {window.job && ` (${window.job})`}
  </Typography>
);

const size = (bytes?: number) => {
  if (bytes === undefined) return undefined;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n.toFixed(n >= 10 || u === 0 ? 0 : 1)} ${units[u]}`;
};

/** A component's state: the light, why, its last backup and last drill. */
export const ComponentStatus = ({
  status,
}: {
  status?: ComponentRecoveryStatus;
}) => {
  if (!status) return <>—</>;
  const { backup, drill } = status;
  return (
    <>
      <StateWithReasons state={status.state} reasons={status.reasons} />
      {backup.lastSuccessAt && (
        <Typography variant="caption" display="block" color="textSecondary">
          Last good backup <Timestamp value={backup.lastSuccessAt} />
          {[size(backup.sizeBytes), backup.tool]
            .filter(Boolean)
            .map(x => ` · ${x}`)}
        </Typography>
      )}
      {backup.window && (
        <RecoverableWindow window={backup.window} testId="recoverable-window" />
      )}
      {backup.verification && (
        <Typography variant="caption" display="block" color="textSecondary">
          Backup check <Timestamp value={backup.verification.at} />:{' '}
          {VERIFICATION_WORDS[backup.verification.level]}
        </Typography>
      )}
      {backup.jobs
        ?.filter(j => j.lastSuccessAt || j.state === 'unknown')
        .map(j => (
          <Typography
            key={j.job}
            variant="caption"
            display="block"
            color={j.state === 'overdue' ? 'error' : 'textSecondary'}
          >
            {j.job}
            {j.lastSuccessAt ? (
              <>
                : last good <Timestamp value={j.lastSuccessAt} />
              </>
            ) : (
              ': nothing reported'
            )}
            {j.state === 'overdue' && ' · overdue'}
            {j.schedule && ` · ${j.schedule}`}
          </Typography>
        ))}
      {drill?.lastAt && (
        <Typography variant="caption" display="block" color="textSecondary">
          Last drill <Timestamp value={drill.lastAt} />:{' '}
          {drill.lastResult === 'success' && drill.dataVerified !== false
            ? 'passed'
            : 'failed'}
          {drill.restoreSeconds !== undefined &&
            `, restored in ${formatDuration(Math.round(drill.restoreSeconds))}`}
          {drill.rtoSeconds !== undefined &&
            ` (RTO ${formatDuration(drill.rtoSeconds)})`}
          {drill.verification && ` · ${VERIFICATION_WORDS[drill.verification]}`}
          {drill.requiredVerification &&
            ` · plan requires ${
              VERIFICATION_WORDS[drill.requiredVerification]
            }`}
        </Typography>
      )}
    </>
  );
};
