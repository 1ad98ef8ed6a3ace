import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  formatCadence,
  parseCadence,
  type BackupJob,
  type DegradedMode,
  type RecoveryComponent,
  type RecoveryPlanDetails,
  type RecoveryScenario,
} from '@reliability-suite/plugin-reliability-common';
import { OwnerLink } from '../components/OwnerLink';
import { Timestamp } from '../components/Timestamp';
import { SeverityChip } from '../runbooks/SeverityChip';
import { useSeverities } from '../runbooks/useSeverities';
import { ComplianceLight, ComponentStatus } from './ComponentStatus';
import { ObjectiveText } from './ObjectiveText';
import { RecoveryTrends } from './RecoveryTrends';

// A schedule or cadence as people read it ("monthly", "every 7d"), or as
// written when it cannot be read (the index reported it).
function cadenceText(text: string): string {
  const parsed = parseCadence(text);
  return parsed.ok ? formatCadence(parsed.value) : text;
}

// One backup job as a line: "full · pgbackrest · cron 0 2 * * 0 · off-site".
function describeJob(job: BackupJob): string {
  let state = '';
  if (job.enabled === false) state = 'switched off';
  else if (job.state && job.state !== 'active') state = job.state;
  return [
    job.name,
    job.tool,
    job.schedule && cadenceText(job.schedule),
    job.retention,
    job.offSite ? 'off-site' : '',
    state,
  ]
    .filter(Boolean)
    .join(' · ');
}

const componentColumns = (
  plan: RecoveryPlanDetails,
): TableColumn<RecoveryComponent>[] => [
  {
    title: 'Status',
    render: c => (
      <ComponentStatus
        status={plan.status?.components.find(s => s.component === c.name)}
      />
    ),
  },
  {
    title: 'Component',
    render: c => (
      <>
        <Typography variant="body2">{c.title ?? c.name}</Typography>
        {c.entityRef && (
          <OwnerLink owner={c.entityRef} defaultKind="resource" />
        )}
      </>
    ),
  },
  {
    title: 'Criticality',
    render: c =>
      c.criticality ? <Chip size="small" label={c.criticality} /> : '—',
  },
  {
    title: 'RPO',
    render: c => <ObjectiveText value={c.rpo ?? c.replication?.rpo} />,
  },
  { title: 'RTO', render: c => <ObjectiveText value={c.rto} /> },
  {
    title: 'How it comes back',
    render: c => {
      if (c.stateless) return `Stateless: ${c.stateless}`;
      const lines = [
        ...(c.backups ?? []).map(describeJob),
        ...(c.replication ? [`replication: ${c.replication.method}`] : []),
      ];
      return lines.length ? (
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {lines.map(l => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : (
        <Typography color="error" variant="body2">
          No backup, replication or stateless reason
        </Typography>
      );
    },
  },
  {
    title: 'Restore drill',
    render: c =>
      c.drill
        ? `${cadenceText(c.drill.cadence)}${
            c.drill.staleAfter ? `, stale after ${c.drill.staleAfter}` : ''
          }`
        : '—',
  },
];

const scenarioColumns: TableColumn<RecoveryScenario>[] = [
  { title: 'Scenario', render: s => s.title ?? s.name },
  { title: 'RTO', render: s => <ObjectiveText value={s.rto} /> },
  { title: 'RPO', render: s => <ObjectiveText value={s.rpo} /> },
  { title: 'Recovery', render: s => s.recovery ?? '—' },
  { title: 'Runbook', render: s => s.runbook ?? '—' },
];

/** One recovery plan: objectives, components, scenarios, degraded modes. */
export const RecoveryPlanView = ({ plan }: { plan: RecoveryPlanDetails }) => {
  const severities = useSeverities();
  const { spec } = plan.document;
  const degradedColumns: TableColumn<DegradedMode>[] = [
    { title: 'When this is missing', field: 'component' },
    { title: 'Impact', field: 'impact' },
    { title: 'Workaround', render: d => d.workaround ?? '—' },
    {
      title: 'Severity',
      render: d =>
        d.severity ? (
          <SeverityChip severity={d.severity} levels={severities} />
        ) : (
          '—'
        ),
    },
  ];
  const options = { paging: false, search: false, padding: 'dense' as const };
  return (
    <Box mb={3}>
      <Box display="flex" alignItems="center" style={{ gap: 12 }}>
        <Typography variant="h6">{plan.title}</Typography>
        {plan.status && <ComplianceLight state={plan.status.state} />}
      </Box>
      <Typography variant="caption" color="textSecondary" component="div">
        {spec.rpo || spec.rto ? (
          <>
            Service objectives: RPO <ObjectiveText value={spec.rpo} /> · RTO{' '}
            <ObjectiveText value={spec.rto} /> ·{' '}
          </>
        ) : null}
        {plan.stale ? 'last good copy (the file now has errors) · ' : ''}
        read <Timestamp value={plan.lastSyncedAt} /> from {plan.sourceUrl}
      </Typography>
      {plan.unresolvedRunbooks && plan.unresolvedRunbooks.length > 0 && (
        <Typography variant="body2" color="error">
          Names runbooks that are not indexed:{' '}
          {plan.unresolvedRunbooks.join(', ')}
        </Typography>
      )}
      <Table
        title="Components"
        options={options}
        columns={componentColumns(plan)}
        data={spec.components}
      />
      <RecoveryTrends plan={plan} />
      {spec.scenarios && spec.scenarios.length > 0 && (
        <Table
          title="Scenarios"
          options={options}
          columns={scenarioColumns}
          data={spec.scenarios}
        />
      )}
      {spec.degradedModes && spec.degradedModes.length > 0 && (
        <Table
          title="Degraded modes"
          options={options}
          columns={degradedColumns}
          data={spec.degradedModes}
        />
      )}
    </Box>
  );
};
