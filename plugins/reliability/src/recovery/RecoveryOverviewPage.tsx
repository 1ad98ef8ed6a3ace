import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  COMPLIANCE_ORDER,
  type ComplianceState,
  type RecoveryOverviewComponent,
  type SystemRecoveryState,
  type UncoveredEntity,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { rootRouteRef } from '../routes';
import { ComplianceLight } from './ComponentStatus';
import { ViolationsTable } from './ViolationsTable';

const CRITICALITY = ['critical', 'high', 'moderate', 'low', undefined];

// A plan's title, linking to its own page.
const PlanLink = ({
  plan,
}: {
  plan: { namespace: string; name: string; title: string };
}) => {
  const root = useRouteRef(rootRouteRef)();
  return (
    <Link
      to={`${root}/recovery/plans/${encodeURIComponent(
        plan.namespace,
      )}/${encodeURIComponent(plan.name)}`}
    >
      {plan.title}
    </Link>
  );
};
const refs = (ref?: string, kind = 'group') =>
  ref ? <EntityRefLinks entityRefs={[ref]} defaultKind={kind} /> : '—';

const columns: TableColumn<RecoveryOverviewComponent>[] = [
  {
    title: 'State',
    field: 'state',
    customSort: (a, b) =>
      COMPLIANCE_ORDER.indexOf(a.state) - COMPLIANCE_ORDER.indexOf(b.state),
    render: c => <ComplianceLight state={c.state} />,
  },
  {
    title: 'Component',
    field: 'title',
    render: c => (
      <>
        <Typography variant="body2">{c.title}</Typography>
        {c.entityRef && refs(c.entityRef, 'resource')}
      </>
    ),
  },
  {
    title: 'Criticality',
    field: 'criticality',
    customSort: (a, b) =>
      CRITICALITY.indexOf(a.criticality) - CRITICALITY.indexOf(b.criticality),
    render: c => c.criticality ?? '—',
  },
  { title: 'Owner', field: 'owner', render: c => refs(c.owner) },
  { title: 'System', field: 'system', render: c => refs(c.system, 'system') },
  {
    title: 'Plan',
    field: 'plan.title',
    render: c => <PlanLink plan={c.plan} />,
  },
  {
    title: 'Why',
    sorting: false,
    render: c =>
      c.reasons.length ? (
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {c.reasons.map(r => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        '—'
      ),
  },
];

const COUNT_WORDS: Partial<Record<ComplianceState, string>> = {
  violated: 'violated',
  stale: 'drill stale',
  'at-risk': 'at risk',
  unknown: 'no data',
  unchecked: 'not checkable',
  ok: 'OK',
  'not-needed': 'no backup needed',
};

const systemColumns: TableColumn<SystemRecoveryState>[] = [
  {
    title: 'State',
    field: 'state',
    customSort: (a, b) =>
      COMPLIANCE_ORDER.indexOf(a.state) - COMPLIANCE_ORDER.indexOf(b.state),
    render: s => <ComplianceLight state={s.state} />,
  },
  {
    title: 'System',
    field: 'system',
    render: s => (s.system ? refs(s.system, 'system') : <em>In no system</em>),
  },
  {
    title: 'Components',
    sorting: false,
    render: s =>
      COMPLIANCE_ORDER.filter(state => s.counts[state])
        .map(state => `${s.counts[state]} ${COUNT_WORDS[state]}`)
        .join(', ') || '—',
  },
  {
    title: 'Without a plan',
    field: 'uncovered',
    render: s => String(s.uncovered),
  },
];

const uncoveredColumns: TableColumn<UncoveredEntity>[] = [
  {
    title: 'Entity',
    field: 'title',
    render: e => refs(e.entityRef, 'component'),
  },
  { title: 'Owner', field: 'owner', render: e => refs(e.owner) },
  { title: 'System', field: 'system', render: e => refs(e.system, 'system') },
];

/**
 * `/reliability/recovery`: what an SRE lead checks on Monday — every
 * component of every recovery plan, violated, stale and at risk first, and
 * the catalog's components and resources no plan covers.
 */
export const RecoveryOverviewPage = () => {
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getRecoveryOverview(),
    [api],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Backups & recovery"
        subtitle="Every component against its recovery plan, across the catalog"
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <>
            <Table
              title="Systems"
              options={{ paging: false, padding: 'dense', search: false }}
              columns={systemColumns}
              data={value.systems}
            />
            <ViolationsTable />
            <Table
              title={`Components (${value.components.length})`}
              options={{ paging: false, padding: 'dense' }}
              columns={columns}
              data={value.components}
            />
            <Table
              title={`Without a recovery plan (${value.uncovered.length})`}
              options={{ paging: false, padding: 'dense' }}
              columns={uncoveredColumns}
              data={value.uncovered}
              emptyContent={
                <Typography variant="body2" style={{ padding: 16 }}>
                  Every component and resource is covered by a plan.
                </Typography>
              }
            />
          </>
        )}
      </Content>
    </Page>
  );
};
