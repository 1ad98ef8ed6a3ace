import { Link, Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ActionItemWithPostmortem } from '@reliability-suite/plugin-reliability-common';
import { usePostmortemLinks } from './usePostmortemLinks';

/** Action items across postmortems; overdue ones stand out. */
export const ActionItemsTable = ({
  items,
  title = 'Open action items',
}: {
  items: ActionItemWithPostmortem[];
  title?: string;
}) => {
  const links = usePostmortemLinks();
  const columns: TableColumn<ActionItemWithPostmortem>[] = [
    { title: 'Action item', field: 'title' },
    { title: 'Type', field: 'type' },
    { title: 'Owner', field: 'owner' },
    { title: 'Priority', field: 'priority' },
    { title: 'Status', field: 'status' },
    {
      title: 'Due',
      render: i =>
        i.overdue ? (
          <Typography variant="body2" color="error" style={{ fontWeight: 700 }}>
            {i.dueDate} · overdue
          </Typography>
        ) : (
          i.dueDate ?? '—'
        ),
    },
    {
      title: 'Postmortem',
      render: i => (
        <Link to={links.view(i.postmortemId)}>{i.postmortemTitle}</Link>
      ),
    },
    {
      title: 'Tracker',
      render: i =>
        i.trackerUrl && /^https?:\/\//i.test(i.trackerUrl) ? (
          <Link to={i.trackerUrl} target="_blank" rel="noopener noreferrer">
            ticket
          </Link>
        ) : null,
    },
  ];
  return (
    <Table<ActionItemWithPostmortem>
      title={`${title} (${items.length})`}
      options={{
        search: false,
        paging: items.length > 20,
        pageSize: 20,
        padding: 'dense',
        rowStyle: (row: ActionItemWithPostmortem) =>
          row.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {},
      }}
      columns={columns}
      data={items}
    />
  );
};
