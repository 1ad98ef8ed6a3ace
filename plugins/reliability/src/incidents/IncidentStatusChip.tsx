import Chip from '@material-ui/core/Chip';
import type { IncidentStatus } from '@reliability-suite/plugin-reliability-common';

const COLOURS: Record<IncidentStatus, string> = {
  open: '#c62828',
  mitigated: '#ef6c00',
  resolved: '#2e7d32',
};

/** An incident's status as a coloured chip. */
export const IncidentStatusChip = ({ status }: { status: IncidentStatus }) => (
  <Chip
    size="small"
    label={status}
    variant="outlined"
    style={{ borderColor: COLOURS[status], color: COLOURS[status] }}
  />
);
