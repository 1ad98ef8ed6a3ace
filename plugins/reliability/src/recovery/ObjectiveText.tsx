import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  formatRecoveryObjective,
  parseRecoveryObjective,
  QUALITATIVE_OBJECTIVE_HINT,
} from '@reliability-suite/plugin-reliability-common';

/** An RPO or RTO as people read it (`≈ 1m`, `0 — nothing may be lost`), or a dash. */
export const ObjectiveText = ({
  value,
  reason,
}: {
  value?: string;
  /** The rationale beside it: the reason of a bare "N/A". */
  reason?: string;
}) => {
  if (value === undefined) return <>—</>;
  const parsed = parseRecoveryObjective(value, { reason });
  // Words that are no time: as written, with how to make them checkable.
  if (parsed.ok && parsed.value.kind === 'qualitative') {
    return (
      <Tooltip title={`Not checked: ${QUALITATIVE_OBJECTIVE_HINT}`}>
        <span>{formatRecoveryObjective(parsed.value)}</span>
      </Tooltip>
    );
  }
  return parsed.ok ? (
    <>{formatRecoveryObjective(parsed.value)}</>
  ) : (
    <Typography component="span" color="error" variant="body2">
      {value}
    </Typography>
  );
};
