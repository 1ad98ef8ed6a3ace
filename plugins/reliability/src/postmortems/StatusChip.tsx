import Chip from '@material-ui/core/Chip';
import type { PostmortemStatus } from '@reliability-suite/plugin-reliability-common';

const LABELS: Record<PostmortemStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
};

/** A postmortem's status. */
export const StatusChip = ({ status }: { status: PostmortemStatus }) => (
  <Chip
    size="small"
    variant={status === 'published' ? 'default' : 'outlined'}
    color={status === 'published' ? 'primary' : 'default'}
    label={LABELS[status] ?? status}
  />
);
