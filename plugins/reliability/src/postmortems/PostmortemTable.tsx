import { Link, Table, type TableColumn } from '@backstage/core-components';
import type { Postmortem } from '@reliability-suite/plugin-reliability-common';
import { SeverityChip } from '../shared/SeverityChip';
import { useSeverities } from '../shared/useSeverities';
import { StatusChip } from './StatusChip';
import { usePostmortemLinks } from './usePostmortemLinks';
import {
  ListPager,
  type ListPagePosition,
  listTableOptions,
} from '../components/ListPager';
import { OwnerLink } from '../components/OwnerLink';
import { Timestamp } from '../components/Timestamp';

/**
 * Postmortems, newest incident first, with severity and status: all of them,
 * or (with `position`) one page of a list read a page at a time.
 */
export const PostmortemTable = ({
  postmortems,
  title = 'Postmortems',
  emptyContent,
  position,
}: {
  postmortems: Postmortem[];
  title?: string;
  emptyContent?: JSX.Element;
  position?: ListPagePosition;
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
    {
      title: 'Owner',
      field: 'owner',
      render: p => (p.owner ? <OwnerLink owner={p.owner} /> : '—'),
    },
  ];
  return (
    <>
      <Table<Postmortem>
        title={`${title} (${(
          position?.totalCount ?? postmortems.length
        ).toLocaleString('en-US')})`}
        options={{
          search: false,
          ...listTableOptions(postmortems.length, position),
        }}
        columns={columns}
        data={postmortems}
        emptyContent={emptyContent}
      />
      {position && <ListPager position={position} />}
    </>
  );
};
