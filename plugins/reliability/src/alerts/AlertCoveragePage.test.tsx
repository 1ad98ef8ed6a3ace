import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type {
  AlertCoverage,
  AlertCoverageEntry,
} from '@reliability-suite/plugin-reliability-common';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { mockIncidentsApi } from '../__testUtils__/mockIncidentsApi';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { rootRouteRef } from '../routes';
import { AlertCoveragePage, byOwner } from './AlertCoveragePage';

jest.setTimeout(30_000);

const alert = (
  name: string,
  extra: Partial<AlertCoverageEntry>,
): AlertCoverageEntry => ({
  rule: { name, group: 'insights-api', labels: {}, file: 'rules.yml', line: 4 },
  source: 'file:demo',
  runbooks: [],
  link: 'missing',
  covered: false,
  entityRefs: ['component:default/insights-api'],
  owners: ['group:default/platform-team'],
  ...extra,
});

const coverage: AlertCoverage = {
  sources: [
    {
      id: 'prometheus:cluster-a',
      lastRunAt: '2026-12-07T10:00:00.000Z',
      lastSuccessAt: '2026-12-07T09:00:00.000Z',
      lastError: 'connect ECONNREFUSED 10.0.0.9:9090',
      rules: 3,
    },
    {
      id: 'runbooks:entity:component:default/insights-worker',
      entityRef: 'component:default/insights-worker',
      target: './runbooks',
      lastRunAt: '2026-12-07T10:00:00.000Z',
      lastSuccessAt: '2026-12-07T10:00:00.000Z',
      rules: 2,
    },
  ],
  alerts: [
    alert('InsightsApiDown', {
      covered: true,
      link: 'runbook',
      runbooks: [{ namespace: 'default', name: 'api-down', title: 'API down' }],
    }),
    alert('InsightsCertExpiring', {
      link: 'foreign',
      rule: {
        name: 'InsightsCertExpiring',
        group: 'insights-api',
        labels: {},
        runbookUrl: 'https://wiki.example.com/certs',
      },
    }),
    alert('WorkerQueueBacklog', { owners: [] }),
  ],
  deadTriggers: [
    {
      runbook: { namespace: 'default', name: 'api-down', title: 'API down' },
      alertName: 'InsightsApiGone',
      entityRefs: ['component:default/insights-api'],
    },
  ],
  totals: { alerts: 3, covered: 1, badLinks: 1, deadTriggers: 1 },
  generatedAt: '2026-12-07T10:00:00.000Z',
};

describe('AlertCoveragePage', () => {
  it('counts by owner, the least covered first', () => {
    expect(byOwner(coverage)).toEqual([
      { owner: '', alerts: 1, covered: 0 },
      { owner: 'group:default/platform-team', alerts: 2, covered: 1 },
    ]);
  });

  it('shows each owner, the source that is down, the alerts without a runbook first and the dead triggers', async () => {
    const api = mockReliabilityApi({
      getAlertCoverage: async () => coverage,
      getAlertCoverageHistory: async () => [
        { day: '2026-12-06', owner: '*', alerts: 4, covered: 1 },
        { day: '2026-12-07', owner: '*', alerts: 3, covered: 1 },
      ],
    });
    const incidents = mockIncidentsApi({
      getAlertFigures: async () => [
        {
          alertName: 'InsightsApiDown',
          fired: 4,
          actionable: 1,
          noise: 2,
          duplicate: 0,
          medianMinutesToAcknowledge: 6,
        },
      ],
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [reliabilityApiRef, api],
          [incidentsApiRef, incidents],
        ]}
      >
        <AlertCoveragePage />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/reliability': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(await screen.findByText('By owner')).toBeInTheDocument();
    expect(screen.getByText('no owner')).toBeInTheDocument();
    expect(screen.getAllByText('platform-team').length).toBeGreaterThan(0);
    expect(
      screen.getByText(/the last read failed \(connect ECONNREFUSED/),
    ).toBeInTheDocument();
    // A runbook folder's rule files: the entity as a link, not its id.
    expect(
      screen.getByText(/Rule files in the runbook folder/).textContent,
    ).toMatch(
      /^Rule files in the runbook folder \.\/runbooks of insights-worker: 2 alerting rule\(s\), read/,
    );
    expect(
      screen.getByRole('link', { name: 'insights-worker' }),
    ).toHaveAttribute('href', '/catalog/default/component/insights-worker');
    expect(screen.queryByText(/runbooks:entity:/)).not.toBeInTheDocument();
    expect(
      screen.getByText(
        '1 of 3 alert(s) have a runbook (33%); 1 link(s) elsewhere or into nothing.',
      ),
    ).toBeInTheDocument();
    const names = screen
      .getAllByText(
        /^(InsightsApiDown|InsightsCertExpiring|WorkerQueueBacklog)$/,
      )
      .map(e => e.textContent);
    // Those no runbook answers first.
    expect(names).toEqual([
      'InsightsCertExpiring',
      'WorkerQueueBacklog',
      'InsightsApiDown',
    ]);
    expect(screen.getByText('links elsewhere')).toBeInTheDocument();
    expect(
      screen.getByText('https://wiki.example.com/certs'),
    ).toBeInTheDocument();
    expect(screen.getByText('InsightsApiGone')).toBeInTheDocument();
    // How often each rule fired into incidents, and for nothing.
    expect(
      screen.getByText(/fired 4× · noise 2 of 3 · acknowledged in 6 min/),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Alert coverage over time'),
    ).toBeInTheDocument();
  });
});
