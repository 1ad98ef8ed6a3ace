import { Link, Table, type TableColumn } from '@backstage/core-components';
import type { Postmortem } from '@reliability-suite/plugin-reliability-common';
import { SeverityChip } from '../runbooks/SeverityChip';
import { useSeverities } from '../runbooks/useSeverities';
import { StatusChip } from './StatusChip';
import { usePostmortemLinks } from './usePostmortemLinks';
import { Timestamp } from '../components/Timestamp';

/** Postmortems, newest incident first, with severity and status. */
export const PostmortemTable = ({
  postmortems,
  title = 'Postmortems',
  emptyContent,
}: {
  postmortems: Postmortem[];
  title?: string;
  emptyContent?: JSX.Element;
}) => {
  const links = usePostmortemLinks();
  const severities = useSeverities();
  const columns: TableColumn<Postmortem>[] = [
    {
      title: 'Postmortem',
      field: 'title',
      render: p => <Link to={links.view(p.id)}>{p.title}</Link>,
    },
    {
      title: 'Severity',
      render: p => <SeverityChip severity={p.severity} levels={severities} />,
    },
    { title: 'Status', render: p => <StatusChip status={p.status} /> },
    {
      title: 'Started',
      render: p => <Timestamp value={p.milestones.started} />,
    },
    {
      title: 'Time to resolve',
      render: p =>
        p.timeToResolveMinutes !== undefined
          ? `${p.timeToResolveMinutes} min`
          : '—',
    },
    { title: 'Owner', field: 'owner' },
  ];
  return (
    <Table<Postmortem>
      title={`${title} (${postmortems.length})`}
      options={{
        search: false,
        paging: postmortems.length > 20,
        pageSize: 20,
        padding: 'dense',
      }}
      columns={columns}
      data={postmortems}
      emptyContent={emptyContent}
    />
  );
};
