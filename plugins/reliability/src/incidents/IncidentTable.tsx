import { Link, Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { IncidentSummary } from '@reliability-suite/plugin-reliability-common';
import {
  ListPager,
  type ListPagePosition,
  listTableOptions,
} from '../components/ListPager';
import { Timestamp } from '../components/Timestamp';
import { SeverityChip } from '../shared/SeverityChip';
import { useSeverities } from '../shared/useSeverities';
import { IncidentStatusChip } from './IncidentStatusChip';
import { useIncidentLinks } from './useIncidentLinks';

/**
 * Incidents as a table: reference, title, severity, status, commander,
 * entities, start — all of them, or (with `position`) one page of a list
 * read a page at a time.
 */
export const IncidentTable = ({
  title,
  incidents,
  emptyText = 'No incidents.',
  position,
}: {
  title: string;
  incidents: IncidentSummary[];
  emptyText?: string;
  position?: ListPagePosition;
}) => {
  const severities = useSeverities();
  const links = useIncidentLinks();
  const columns: TableColumn<IncidentSummary>[] = [
    {
      title: 'Incident',
      field: 'number',
      render: i => (
        <>
          <Link to={links.view(i.reference)}>{i.reference}</Link>
          <Typography variant="body2">{i.title}</Typography>
        </>
      ),
    },
    {
      title: 'Severity',
      field: 'severity',
      render: i => <SeverityChip severity={i.severity} levels={severities} />,
    },
    {
      title: 'Status',
      field: 'status',
      render: i => <IncidentStatusChip status={i.status} />,
    },
    {
      title: 'Commander',
      field: 'commander',
      render: i =>
        i.commander ? (
          <EntityRefLinks entityRefs={[i.commander]} defaultKind="user" />
        ) : (
          '—'
        ),
    },
    {
      title: 'Affects',
      sorting: false,
      render: i =>
        i.entityRefs.length ? (
          <EntityRefLinks entityRefs={i.entityRefs} defaultKind="component" />
        ) : (
          '—'
        ),
    },
    {
      title: 'Started',
      field: 'milestones.started',
      render: i => <Timestamp value={i.milestones.started} />,
    },
    {
      title: 'Alerts',
      field: 'firingAlertCount',
      render: i =>
        i.alertCount ? `${i.firingAlertCount} firing of ${i.alertCount}` : '—',
    },
  ];
  return (
    <>
      <Table
        title={title}
        options={listTableOptions(incidents.length, position)}
        columns={columns}
        data={incidents}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            {emptyText}
          </Typography>
        }
      />
      {position && <ListPager position={position} />}
    </>
  );
};
