import Typography from '@material-ui/core/Typography';
import {
  formatRecoveryObjective,
  parseRecoveryObjective,
} from '@reliability-suite/plugin-reliability-common';

/** An RPO or RTO as people read it (`≈ 1m`, `0 — nothing may be lost`), or a dash. */
export const ObjectiveText = ({ value }: { value?: string }) => {
  if (value === undefined) return <>—</>;
  const parsed = parseRecoveryObjective(value);
  return parsed.ok ? (
    <>{formatRecoveryObjective(parsed.value)}</>
  ) : (
    <Typography component="span" color="error" variant="body2">
      {value}
    </Typography>
  );
};
