import { Link, Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  entityStateIn,
  formatCadence,
  parseCadence,
  qualifyRunbookRef,
  type BackupJob,
  type DegradedMode,
  type RecoveryComponent,
  type RecoveryDataType,
  type RecoveryPlanDetails,
  type RecoveryScenario,
} from '@reliability-suite/plugin-reliability-common';
import { OwnerLink } from '../components/OwnerLink';
import { Timestamp } from '../components/Timestamp';
import { SeverityChip } from '../shared/SeverityChip';
import { useSeverities } from '../shared/useSeverities';
import { useRunbookLinks } from '../runbooks/useRunbookLinks';
import {
  ComplianceLight,
  ComponentStatus,
  RecoverableWindow,
  StateWithReasons,
} from './ComponentStatus';
import { ObjectiveText } from './ObjectiveText';
import { RecoveryTrends } from './RecoveryTrends';

// A schedule or cadence as people read it ("monthly", "every 7d"), or as
// written when it cannot be read (the index reported it).
function cadenceText(text: string): string {
  const parsed = parseCadence(text);
  return parsed.ok ? formatCadence(parsed.value) : text;
}

// One backup job as a line: "full · pgbackrest · cron 0 2 * * 0 · 14 full ·
// to s3://… · off-site · aes-256-cbc".
function describeJob(job: BackupJob): string {
  let state = '';
  if (job.enabled === false) state = 'switched off';
  else if (job.state && job.state !== 'active') state = job.state;
  return [
    job.name,
    job.tool,
    job.schedule && cadenceText(job.schedule),
    job.retention,
    job.destination && `to ${job.destination}`,
    job.offSite ? 'off-site' : '',
    job.encryption && job.encryption !== 'none'
      ? `encrypted ${job.encryption}`
      : '',
    job.encryption === 'none' ? 'not encrypted' : '',
    job.recommended && `recommended: ${cadenceText(job.recommended)}`,
    job.optional && `optional: ${job.optional}`,
    job.note,
    state,
  ]
    .filter(Boolean)
    .join(' · ');
}

// A runbook a plan names (`namespace/name` or `name`), as a link to its page.
const RunbookRef = ({
  refText,
  planNamespace,
}: {
  refText: string;
  planNamespace: string;
}) => {
  const links = useRunbookLinks();
  const [namespace, name] = qualifyRunbookRef(refText, planNamespace).split(
    '/',
  );
  return <Link to={links.runbook(namespace, name)}>{name}</Link>;
};

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
        <>
          {c.data && (
            <Typography variant="caption" component="div">
              Holds: {c.data}
            </Typography>
          )}
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {lines.map(l => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          {c.exclusions && c.exclusions.length > 0 && (
            <Typography variant="caption" component="div">
              Not backed up: {c.exclusions.join('; ')}
            </Typography>
          )}
        </>
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
      c.drill ? (
        <>
          {cadenceText(c.drill.cadence)}
          {c.drill.staleAfter ? `, stale after ${c.drill.staleAfter}` : ''}
          {c.drill.scenario && (
            <Typography variant="caption" component="div">
              Exercises:{' '}
              {plan.document.spec.scenarios?.find(
                x => x.name === c.drill!.scenario,
              )?.title ?? c.drill.scenario}
            </Typography>
          )}
          {c.drill.runbook && (
            <Typography variant="caption" component="div">
              Runbook:{' '}
              <RunbookRef
                refText={c.drill.runbook}
                planNamespace={plan.namespace}
              />
            </Typography>
          )}
          {c.drill.checks && (
            <Typography variant="caption" component="div">
              Checks: {c.drill.checks}
            </Typography>
          )}
          {c.drill.environment && (
            <Typography variant="caption" component="div">
              In: {c.drill.environment}
            </Typography>
          )}
        </>
      ) : (
        '—'
      ),
  },
];

const dataTypeColumns = (
  plan: RecoveryPlanDetails,
): TableColumn<RecoveryDataType>[] => [
  {
    title: 'State',
    render: d => {
      const status = plan.status?.dataTypes?.find(s => s.dataType === d.name);
      if (!status) return '—';
      return (
        <>
          <StateWithReasons state={status.state} reasons={status.reasons} />
          {status.window && <RecoverableWindow window={status.window} />}
        </>
      );
    },
  },
  {
    title: 'Held in',
    render: d =>
      d.components?.length
        ? d.components
            .map(
              c =>
                plan.document.spec.components.find(x => x.name === c)?.title ??
                c,
            )
            .join(', ')
        : '—',
  },
  {
    title: 'Data',
    render: d => (
      <>
        <Typography variant="body2">{d.name}</Typography>
        {d.description && (
          <Typography variant="caption">{d.description}</Typography>
        )}
      </>
    ),
  },
  {
    title: 'RPO',
    render: d => <ObjectiveText value={d.rpo} reason={d.rationale} />,
  },
  {
    title: 'RTO',
    render: d => <ObjectiveText value={d.rto} reason={d.rationale} />,
  },
  { title: 'Why', render: d => d.rationale ?? '—' },
];

const scenarioColumns = (
  plan: RecoveryPlanDetails,
): TableColumn<RecoveryScenario>[] => [
  { title: 'Scenario', render: s => s.title ?? s.name },
  { title: 'RTO', render: s => <ObjectiveText value={s.rto} /> },
  { title: 'RPO', render: s => <ObjectiveText value={s.rpo} /> },
  { title: 'Recovery', render: s => s.recovery ?? '—' },
  {
    title: 'Runbook',
    render: s =>
      s.runbook ? (
        <RunbookRef refText={s.runbook} planNamespace={plan.namespace} />
      ) : (
        '—'
      ),
  },
  { title: 'What happens', render: s => s.description ?? '—' },
];

/**
 * One recovery plan, whole: its description and objectives, data types,
 * components (what each holds, how it is backed up and where, what is not,
 * its drill), scenarios and degraded modes. On an entity's page
 * (`entityRef`), the light says how that entity stands — by its own
 * components, when it is one of them — beside the whole plan's.
 */
export const RecoveryPlanView = ({
  plan,
  entityRef,
  planLink,
  titled = true,
}: {
  plan: RecoveryPlanDetails;
  entityRef?: string;
  /** False on the plan's own page, whose header holds the title. */
  titled?: boolean;
  /** Where the plan's own page is, to link to it. */
  planLink?: string;
}) => {
  const severities = useSeverities();
  const own = entityRef ? entityStateIn(plan, entityRef) : undefined;
  const { spec } = plan.document;
  const degradedColumns: TableColumn<DegradedMode>[] = [
    { title: 'When this is missing', field: 'component' },
    { title: 'Impact', render: d => d.impact ?? '—' },
    { title: 'Workaround', render: d => d.workaround ?? '—' },
    {
      title: 'Runbook',
      render: d =>
        d.runbook ? (
          <RunbookRef refText={d.runbook} planNamespace={plan.namespace} />
        ) : (
          '—'
        ),
    },
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
  // A table of the plan's, when it has rows.
  const section = <T extends object>(
    title: string,
    columns: TableColumn<T>[],
    rows?: T[],
  ) =>
    rows && rows.length > 0 ? (
      <Table<T> title={title} options={options} columns={columns} data={rows} />
    ) : null;
  return (
    <Box mb={3}>
      <Box display="flex" alignItems="center" style={{ gap: 12 }}>
        {titled && (
          <Typography variant="h6">
            {planLink ? <Link to={planLink}>{plan.title}</Link> : plan.title}
          </Typography>
        )}
        {own && own !== plan.status?.state ? (
          <>
            <ComplianceLight state={own} />
            <Typography variant="caption" color="textSecondary">
              this entity · the whole plan:
            </Typography>
            <ComplianceLight state={plan.status!.state} />
          </>
        ) : (
          plan.status && <ComplianceLight state={plan.status.state} />
        )}
      </Box>
      {plan.document.metadata.description && (
        <Typography variant="body2">
          {plan.document.metadata.description}
        </Typography>
      )}
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
      {section('Data', dataTypeColumns(plan), spec.dataTypes)}
      <Table
        title="Components"
        options={options}
        columns={componentColumns(plan)}
        data={spec.components}
      />
      <RecoveryTrends plan={plan} />
      {section('Scenarios', scenarioColumns(plan), spec.scenarios)}
      {section('Degraded modes', degradedColumns, spec.degradedModes)}
    </Box>
  );
};
