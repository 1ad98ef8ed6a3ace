import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

describe('RecoveryOverviewPage, open violations', () => {
  it('lists open violations oldest first, and a person acknowledges one with why and until when', async () => {
    const violation = {
      id: 7,
      plan: { namespace: 'default', name: 'p', title: 'Platform plan' },
      component: 'object-store',
      componentTitle: 'Object storage',
      entityRef: 'resource:default/insights-object-store',
      type: 'rpo-breach' as const,
      detail: 'the last good backup is 9d old, older than the RPO of 7d',
      openedAt: new Date(Date.now() - 2 * 86400_000).toISOString(),
      seenAt: new Date().toISOString(),
      notifiedAt: new Date(Date.now() - 2 * 86400_000).toISOString(),
      reminders: 1,
    };
    let acked = false;
    const api = mockReliabilityApi({
      getRecoveryOverview: async () => ({
        components: [],
        systems: [],
        uncovered: [],
      }),
      listRecoveryViolations: async () => ({
        items: [
          acked
            ? {
                ...violation,
                acknowledgement: {
                  by: 'user:default/alice',
                  reason: 'Bucket migration until Monday',
                  at: new Date().toISOString(),
                },
              }
            : violation,
        ],
        totalCount: 1,
      }),
      acknowledgeRecoveryViolation: async () => {
        acked = true;
        return violation;
      },
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
    expect(await screen.findByText('Open violations (1)')).toBeInTheDocument();
    expect(screen.getByText('RPO breach')).toBeInTheDocument();
    expect(screen.getByText(/reminded 1×/)).toBeInTheDocument();
    expect(api.listRecoveryViolations).toHaveBeenCalledWith({
      state: 'open',
      entityRef: undefined,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    fireEvent.change(screen.getByLabelText(/Why it may stay open/), {
      target: { value: 'Bucket migration until Monday' },
    });
    fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Acknowledge',
      }),
    );
    await waitFor(() =>
      expect(api.acknowledgeRecoveryViolation).toHaveBeenCalledWith(7, {
        reason: 'Bucket migration until Monday',
        until: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    );
    // Listed again: who acknowledged it, and why.
    expect(
      await screen.findByText('Bucket migration until Monday'),
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
