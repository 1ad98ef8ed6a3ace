import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type {
  AlertCoverage,
  AlertCoverageDay,
} from '@reliability-suite/plugin-reliability-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { AlertCoverageView } from './AlertCoverageView';

type OwnerRow = { owner: string; alerts: number; covered: number };

/** The alerts of each owner now, the least covered first. */
export function byOwner(coverage: AlertCoverage): OwnerRow[] {
  const rows = new Map<string, OwnerRow>();
  for (const alert of coverage.alerts) {
    for (const owner of alert.owners.length ? alert.owners : ['']) {
      const row = rows.get(owner) ?? { owner, alerts: 0, covered: 0 };
      row.alerts++;
      if (alert.covered) row.covered++;
      rows.set(owner, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.covered / a.alerts - b.covered / b.alerts ||
      a.owner.localeCompare(b.owner),
  );
}

const percent = (row: { alerts: number; covered: number }) =>
  row.alerts ? Math.round((100 * row.covered) / row.alerts) : 0;

const ownerColumns: TableColumn<OwnerRow>[] = [
  {
    title: 'Owner',
    render: r =>
      r.owner ? (
        <EntityRefLinks entityRefs={[r.owner]} defaultKind="group" />
      ) : (
        'no owner'
      ),
  },
  { title: 'Alerts', field: 'alerts', type: 'numeric' },
  { title: 'With a runbook', field: 'covered', type: 'numeric' },
  { title: 'Coverage', render: r => `${percent(r)}%`, type: 'numeric' },
];

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
  });

/** Coverage % of every alert, by day. */
const CoverageTrend = ({ days }: { days: AlertCoverageDay[] }) => {
  const theme = useTheme();
  const points = days
    .filter(d => d.owner === '*')
    .map(d => ({ ...d, label: dayLabel(d.day), coverage: percent(d) }));
  if (points.length < 2) {
    return (
      <Typography variant="body2">
        The trend starts once coverage has been counted on two days (it is
        counted every hour).
      </Typography>
    );
  }
  return (
    <div aria-label="Alert coverage over time">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis domain={[0, 100]} unit="%" fontSize={11} />
          <Tooltip
            formatter={(value, _name, item) => [
              `${value}% (${item.payload.covered} of ${item.payload.alerts})`,
              'with a runbook',
            ]}
          />
          <Line
            type="monotone"
            dataKey="coverage"
            stroke={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};

/** Alert coverage across the catalog: by owner, its trend, every rule. */
export const AlertCoveragePage = () => {
  const api = useApi(reliabilityApiRef);
  const incidents = useApi(incidentsApiRef);
  const { value, loading, error } = useAsync(
    async () => ({
      coverage: await api.getAlertCoverage(),
      history: await api.getAlertCoverageHistory(),
      figures: await incidents.getAlertFigures(),
    }),
    [api, incidents],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Alert coverage"
        subtitle="Which alerts have a runbook, whose they are, and which runbooks answer alerts no rule fires"
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <Grid container spacing={3}>
            <Grid item xs={12} md={6}>
              <Table
                title="By owner"
                options={{ paging: false, search: false, padding: 'dense' }}
                columns={ownerColumns}
                data={byOwner(value.coverage)}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <InfoCard title="Coverage over time">
                <CoverageTrend days={value.history} />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <AlertCoverageView
                coverage={value.coverage}
                figures={value.figures}
                showOwners
              />
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
};
