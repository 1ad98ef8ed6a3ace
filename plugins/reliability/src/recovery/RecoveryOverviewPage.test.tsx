import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { rootRouteRef } from '../routes';
import { RecoveryOverviewPage } from './RecoveryOverviewPage';

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
