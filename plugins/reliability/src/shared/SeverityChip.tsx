import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import type { SeverityLevel } from '@reliability-suite/plugin-reliability-common';

/** A severity id, in its configured colour, with its meaning on hover. */
export const SeverityChip = ({
  severity,
  levels,
}: {
  severity?: string;
  levels: SeverityLevel[];
}) => {
  if (!severity) return null;
  const level = levels.find(l => l.id === severity);
  const chip = (
    <Chip
      size="small"
      label={level ? `${level.id} · ${level.label}` : severity}
      style={{
        backgroundColor: level?.colour ?? '#757575',
        color: '#fff',
        fontWeight: 600,
      }}
    />
  );
  if (!level) return chip;
  return (
    <Tooltip
      title={`${level.description} Respond within ${level.responseTarget}.`}
    >
      {chip}
    </Tooltip>
  );
};
