import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { rootRouteRef } from '../routes';
import { RecoveryOverviewPage } from './RecoveryOverviewPage';
import { RecoveryPlanPage } from './RecoveryPlanPage';
import { Route, Routes } from 'react-router-dom';

// Rendering tables in jsdom is slow on a busy 2-core machine.
jest.setTimeout(30_000);

describe('RecoveryOverviewPage', () => {
  it('lists components worst first with owner and system as links, and what no plan covers', async () => {
    const api = mockReliabilityApi({
      getRecoveryOverview: async () => ({
        components: [
          {
            plan: { namespace: 'default', name: 'p', title: 'Platform plan' },
            component: 'object-store',
            title: 'Object storage',
            entityRef: 'resource:default/insights-object-store',
            criticality: 'high',
            owner: 'group:default/platform-team',
            system: 'system:default/insights-platform',
            state: 'violated',
            reasons: [
              'the last good backup is 9d old, older than the RPO of 7d',
            ],
          },
          {
            plan: { namespace: 'default', name: 'p', title: 'Platform plan' },
            component: 'postgres',
            title: 'PostgreSQL',
            state: 'ok',
            reasons: [],
          },
        ],
        systems: [
          {
            system: 'system:default/insights-platform',
            state: 'violated',
            counts: { violated: 1, ok: 1 },
            uncovered: 1,
          },
        ],
        uncovered: [
          {
            entityRef: 'component:default/insights-web',
            title: 'Insights web app',
            owner: 'group:default/web-team',
          },
        ],
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <RecoveryOverviewPage />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/reliability': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(await screen.findByText('Components (2)')).toBeInTheDocument();
    // Each plan's title leads to the plan's own page.
    expect(
      screen
        .getAllByRole('link', { name: 'Platform plan' })[0]
        .getAttribute('href'),
    ).toBe('/reliability/recovery/plans/default/p');
    // The system's overall state, then each component.
    expect(screen.getAllByText('Violated')).toHaveLength(2);
    expect(screen.getByText('1 violated, 1 OK')).toBeInTheDocument();
    expect(
      screen.getByText(
        'the last good backup is 9d old, older than the RPO of 7d',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /platform-team/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('Without a recovery plan (1)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /insights-web/ }),
    ).toBeInTheDocument();
  });
});

describe('RecoveryPlanPage', () => {
  it('shows one plan on its own page, with the entities it covers as links', async () => {
    const api = mockReliabilityApi({
      getRecoveryPlan: async () => ({
        namespace: 'default',
        name: 'platform',
        title: 'Platform recovery',
        entityRefs: ['system:default/platform', 'resource:default/db'],
        sourceUrl: 'runbooks/recovery.yaml',
        sourceLine: 1,
        lastSyncedAt: '2026-11-21T10:00:00.000Z',
        stale: false,
        document: {
          apiVersion: 'reliability.io/v1alpha1',
          kind: 'RecoveryPlan',
          metadata: { name: 'platform' },
          spec: {
            dataTypes: [{ name: 'customer-data', rpo: 'Near-zero' }],
            components: [{ name: 'db', entityRef: 'resource:default/db' }],
          },
        },
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <Routes>
          <Route
            path="/reliability/recovery/plans/:namespace/:name"
            element={<RecoveryPlanPage />}
          />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/reliability/recovery/plans/default/platform'],
        mountedRoutes: {
          '/reliability': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(await screen.findAllByText('Platform recovery')).not.toHaveLength(0);
    expect(api.getRecoveryPlan).toHaveBeenCalledWith('default', 'platform');
    expect(screen.getAllByRole('link', { name: /db/ }).length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getByText('Near-zero — not a time, not checked'),
    ).toBeInTheDocument();
  });
});
