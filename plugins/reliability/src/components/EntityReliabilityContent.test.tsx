import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  type EntityReliabilityOverview,
  parseRecoveryObjective,
  type RecoveryPlanDetails,
} from '@reliability-suite/plugin-reliability-common';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { incidentsApiRef } from '../api/IncidentsApi';
import { type ReliabilityApi, reliabilityApiRef } from '../api/ReliabilityApi';
import { mockIncidentsApi } from '../__testUtils__/mockIncidentsApi';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { rootRouteRef } from '../routes';
import { EntityReliabilityCard } from './EntityReliabilityCard';
import { EntityReliabilityContent } from './EntityReliabilityContent';

// Rendering tables in jsdom is slow on a busy 2-core machine.
jest.setTimeout(30_000);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'insights-api', namespace: 'default' },
  spec: { owner: 'platform-team' },
};

// What the backend answers: the annotations, and the RPO/RTO read.
function overview(
  annotations: Record<string, string>,
): EntityReliabilityOverview {
  const read = (text?: string) => {
    if (text === undefined) return undefined;
    const parsed = parseRecoveryObjective(text);
    return parsed.ok
      ? { text, value: parsed.value }
      : { text, error: parsed.error };
  };
  return {
    entityRef: 'component:default/insights-api',
    title: 'Insights API',
    owner: 'platform-team',
    annotations,
    objectives: {
      rpo: read(annotations['reliability.io/rpo']),
      rto: read(annotations['reliability.io/rto']),
    },
    generatedAt: '2026-11-21T10:00:00.000Z',
  };
}

let plans: RecoveryPlanDetails[] = [];
beforeEach(() => {
  plans = [];
});

function apiAnswering(
  answer: (entityRef: string) => Promise<EntityReliabilityOverview>,
) {
  return mockReliabilityApi({
    getEntityOverview: answer,
    listRunbooks: async () => [],
    getRunbookIndexStatus: async () => ({ locations: [], problems: [] }),
    listRecoveryPlans: async () => plans,
    listPostmortems: async () => ({ items: [], totalCount: 2 }),
  });
}

async function render(
  element: JSX.Element,
  api: ReliabilityApi,
  path?: string,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api],
        [incidentsApiRef, mockIncidentsApi()],
        [permissionApiRef, new MockPermissionApi()],
      ]}
    >
      <EntityProvider entity={entity}>
        {path ? (
          <Routes>
            <Route path="/tab/*" element={element} />
          </Routes>
        ) : (
          element
        )}
      </EntityProvider>
    </TestApiProvider>,
    {
      ...(path ? { routeEntries: [path] } : {}),
      mountedRoutes: {
        '/reliability': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('EntityReliabilityContent', () => {
  it('opens with a summary whose cards lead to a view of each subject, each with its own address', async () => {
    const api = apiAnswering(async () =>
      overview({ 'reliability.io/runbooks': './runbooks/insights-api' }),
    );
    await render(<EntityReliabilityContent />, api, '/tab');
    const glance = await screen.findByLabelText('Reliability at a glance');
    expect(glance).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Runbooks' }).getAttribute('href'),
    ).toBe('/tab/runbooks');
    expect(
      screen.getByRole('link', { name: 'Open incidents' }).getAttribute('href'),
    ).toBe('/tab/incidents');
    expect(
      screen.getByRole('link', { name: 'Postmortems' }).getAttribute('href'),
    ).toBe('/tab/postmortems');
    expect(await screen.findByText('2')).toBeInTheDocument();
    // The overview holds every section.
    expect(
      await screen.findByText(/^Open incidents \(0\)$/),
    ).toBeInTheDocument();
  });

  it('shows one subject on its view: the runbooks, without the incident tables', async () => {
    const api = apiAnswering(async () =>
      overview({ 'reliability.io/runbooks': './runbooks/insights-api' }),
    );
    await render(<EntityReliabilityContent />, api, '/tab/runbooks');
    expect(
      await screen.findByRole('tab', { name: 'Runbooks', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No runbooks for this entity'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Open incidents \(\d+\)$/)).toBeNull();
  });

  it("shows the targets the backend read from the entity's annotations", async () => {
    const api = apiAnswering(async () =>
      overview({
        'reliability.io/tier': 'tier-1',
        'reliability.io/rpo': '15m',
        'reliability.io/rto': '1h',
        'reliability.io/runbooks': './runbooks/insights-api',
      }),
    );
    await render(<EntityReliabilityContent />, api);

    expect(await screen.findByText('Reliability targets')).toBeInTheDocument();
    expect(screen.getByText('15m')).toBeInTheDocument();
    expect(screen.getByText('1h')).toBeInTheDocument();
    expect(screen.getByText('tier-1')).toBeInTheDocument();
    // The owner is a catalog link, not a bare ref.
    expect(
      screen.getByRole('link', { name: /platform-team/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('./runbooks/insights-api')).toBeInTheDocument();
    expect(api.getEntityOverview).toHaveBeenCalledWith(
      'component:default/insights-api',
    );
  });

  it('shows an RPO that is no duration with its problem, not as a target', async () => {
    await render(
      <EntityReliabilityContent />,
      apiAnswering(async () =>
        overview({
          'reliability.io/rpo': 'soon',
          'reliability.io/rto': '≈ 30 min',
        }),
      ),
    );
    expect(
      await screen.findByText(
        /“soon” is not a duration: write a duration such as "15m"/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('≈ 30m')).toBeInTheDocument();
  });

  it('shows an RPO in words ("Near-zero") as written, and says it is not checked', async () => {
    await render(
      <EntityReliabilityContent />,
      apiAnswering(async () => overview({ 'reliability.io/rpo': 'Near-zero' })),
    );
    expect(
      await screen.findByText('Near-zero — not a time, not checked'),
    ).toBeInTheDocument();
  });

  it("shows the whole plan, and this entity's own state beside the plan's", async () => {
    const component = (name: string, state: 'ok' | 'violated') => ({
      component: name,
      state,
      reasons: [],
      backup: { state },
    });
    plans = [
      {
        namespace: 'default',
        name: 'platform',
        title: 'Platform recovery',
        entityRefs: [
          'system:default/platform',
          'component:default/insights-api',
        ],
        sourceUrl: 'runbooks/recovery.yaml',
        sourceLine: 1,
        lastSyncedAt: '2026-11-21T10:00:00.000Z',
        stale: false,
        status: {
          state: 'violated',
          evaluatedAt: '2026-11-21T10:00:00.000Z',
          components: [
            {
              ...component('db', 'violated'),
              backup: {
                state: 'violated',
                jobs: [
                  {
                    job: 'full',
                    state: 'overdue',
                    schedule: 'daily',
                    lastSuccessAt: '2026-11-18T02:00:00.000Z',
                  },
                ],
              },
            },
            component('api', 'ok'),
          ],
        },
        document: {
          apiVersion: 'reliability.io/v1alpha1',
          kind: 'RecoveryPlan',
          metadata: {
            name: 'platform',
            description: 'How the platform comes back after losing a part.',
          },
          spec: {
            entityRefs: ['system:default/platform'],
            dataTypes: [
              { name: 'sessions', rpo: '0 (none)', rationale: 'Ephemeral' },
              {
                name: 'user-settings',
                rpo: 'N/A',
                rationale: 'Client-side localStorage',
              },
            ],
            components: [
              {
                name: 'db',
                entityRef: 'resource:default/db',
                data: 'Customer data',
                backups: [
                  {
                    name: 'full',
                    tool: 'pgbackrest',
                    schedule: 'daily',
                    destination: 's3://backups',
                    encryption: 'aes-256-cbc',
                  },
                  {
                    name: 'chart-backup',
                    enabled: false,
                    recommended: 'weekly',
                    optional: 'only with backup.enabled in the chart',
                    note: 'not enabled by default',
                  },
                ],
                exclusions: ['the temp tables'],
                drill: {
                  cadence: 'monthly',
                  scenario: 'volume-loss',
                  runbook: 'postgres-down',
                  checks: 'row counts match',
                  environment: 'namespace restore-test',
                },
              },
              {
                name: 'api',
                entityRef: 'component:default/insights-api',
                stateless: 'no state',
              },
            ],
            degradedModes: [{ component: 'db', runbook: 'db-down' }],
            scenarios: [
              {
                name: 'volume-loss',
                title: 'The volume is lost',
                rto: '1h',
                description: 'The database volume is corrupted',
              },
            ],
          },
        },
      },
    ];
    await render(
      <EntityReliabilityContent />,
      apiAnswering(async () => overview({})),
    );
    const title = await screen.findByRole('link', {
      name: 'Platform recovery',
    });
    expect(title.getAttribute('href')).toBe(
      '/reliability/recovery/plans/default/platform',
    );
    // The API's own component is OK; the plan as a whole is violated.
    expect(
      screen.getByText('this entity · the whole plan:'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('How the platform comes back after losing a part.'),
    ).toBeInTheDocument();
    expect(screen.getByText('nothing kept: Ephemeral')).toBeInTheDocument();
    expect(
      screen.getByText('not applicable: Client-side localStorage'),
    ).toBeInTheDocument();
    expect(screen.getByText('Holds: Customer data')).toBeInTheDocument();
    expect(
      screen.getByText(
        'full · pgbackrest · daily · to s3://backups · encrypted aes-256-cbc',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Not backed up: the temp tables'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'chart-backup · recommended: weekly · optional: only with backup.enabled in the chart · not enabled by default · switched off',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'postgres-down' }).getAttribute('href'),
    ).toBe('/reliability/runbooks/default/postgres-down');
    expect(screen.getByText('Checks: row counts match')).toBeInTheDocument();
    // A degraded mode that names only the part, with its runbook.
    expect(
      screen.getByRole('link', { name: 'db-down' }).getAttribute('href'),
    ).toBe('/reliability/runbooks/default/db-down');
    // Each scheduled job on its own schedule.
    expect(screen.getByText(/· overdue · daily$/)).toBeInTheDocument();
    expect(
      screen.getByText('Exercises: The volume is lost'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The database volume is corrupted'),
    ).toBeInTheDocument();
  });

  it('shows the recovery plan: objectives read, how each component comes back, degraded modes', async () => {
    plans = [
      {
        namespace: 'default',
        name: 'insights-postgres',
        title: 'Insights PostgreSQL recovery',
        entityRefs: ['component:default/insights-api'],
        sourceUrl: 'runbooks/recovery.yaml',
        sourceLine: 1,
        lastSyncedAt: '2026-11-21T10:00:00.000Z',
        stale: false,
        status: {
          state: 'violated',
          evaluatedAt: '2026-11-21T10:00:00.000Z',
          components: [
            {
              component: 'postgres',
              state: 'violated',
              reasons: [
                'the last good backup is 1d 6h old, older than the RPO of 1d',
              ],
              backup: {
                state: 'violated',
                lastSuccessAt: '2026-11-20T04:00:00.000Z',
                sizeBytes: 7340032000,
                tool: 'pgbackrest',
                rpoSeconds: 86400,
              },
              drill: {
                state: 'ok',
                lastAt: '2026-11-19T04:00:00.000Z',
                lastResult: 'success',
                dataVerified: true,
                restoreSeconds: 720,
                rtoSeconds: 1800,
              },
            },
          ],
        },
        document: {
          apiVersion: 'reliability.io/v1alpha1',
          kind: 'RecoveryPlan',
          metadata: { name: 'insights-postgres' },
          spec: {
            components: [
              {
                name: 'postgres',
                criticality: 'critical',
                rpo: '≈ 1m',
                rto: '≤ 30m',
                backups: [
                  { name: 'full', tool: 'pgbackrest', schedule: '0 2 * * 0' },
                  { name: 'off-site', state: 'planned', offSite: true },
                ],
                drill: { cadence: '7d', staleAfter: '8d' },
              },
              { name: 'redis', stateless: 'a cache' },
            ],
            degradedModes: [
              {
                component: 'redis',
                impact: 'Slower answers',
                workaround: 'None needed',
              },
            ],
          },
        },
      },
    ];
    const api = apiAnswering(async () => overview({}));
    const backup = (id: string, finishedAt: string) => ({
      id,
      type: 'backup' as const,
      entityRef: 'resource:default/insights-postgres',
      startedAt: finishedAt,
      finishedAt,
      result: 'success' as const,
    });
    api.getRecoveryPlanHistory.mockResolvedValue({
      components: [
        {
          component: 'postgres',
          events: [
            backup('b2', '2026-11-20T04:00:00.000Z'),
            backup('b1', '2026-11-18T04:00:00.000Z'),
            {
              id: 'd1',
              type: 'drill',
              entityRef: 'resource:default/insights-postgres',
              startedAt: '2026-11-19T04:00:00.000Z',
              finishedAt: '2026-11-19T04:12:00.000Z',
              result: 'success',
              restoreSeconds: 720,
              dataVerified: true,
            },
          ],
          transitions: [],
        },
        { component: 'redis', events: [], transitions: [] },
      ],
    });
    await render(<EntityReliabilityContent />, api);
    expect(
      await screen.findByText('Insights PostgreSQL recovery'),
    ).toBeInTheDocument();
    // The trends: backup age against the RPO, restore times against the RTO.
    expect(
      await screen.findByRole('img', {
        name: 'Backup age of postgres over time, against its RPO of 1d',
      }),
    ).toBeInTheDocument();
    expect(
      // Two largest units of a real age: "11d 3h", or "11d 37m" in the hour
      // the hours read 0.
      screen.getByText(
        /^now \d+d( \d+[hms])?, at most \d+d( \d+[hms])? · RPO 1d$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: "Restore times of postgres's drills, against its RTO of 30m",
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 drill(s), 0 failed, slowest 12m · RTO 30m'),
    ).toBeInTheDocument();
    expect(api.getRecoveryPlanHistory).toHaveBeenCalledWith(
      'default',
      'insights-postgres',
    );
    expect(screen.getByText('≈ 1m')).toBeInTheDocument();
    expect(screen.getByText('≤ 30m')).toBeInTheDocument();
    expect(
      screen.getByText('full · pgbackrest · cron 0 2 * * 0'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('off-site · off-site · planned'),
    ).toBeInTheDocument();
    expect(screen.getByText('every 7d, stale after 8d')).toBeInTheDocument();
    expect(screen.getByText('Stateless: a cache')).toBeInTheDocument();
    expect(screen.getByText('Slower answers')).toBeInTheDocument();
    // What was reported, against the plan.
    expect(screen.getAllByText('Violated')).toHaveLength(2);
    expect(
      screen.getByText(
        'the last good backup is 1d 6h old, older than the RPO of 1d',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/· 6.8 GB · pgbackrest/)).toBeInTheDocument();
    expect(
      screen.getByText(/passed, restored in 12m \(RTO 30m\)/),
    ).toBeInTheDocument();
  });

  it('explains which annotation to add when the entity has no runbooks', async () => {
    await render(
      <EntityReliabilityContent />,
      apiAnswering(async () => overview({})),
    );
    expect(
      await screen.findByText('No runbooks for this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/reliability\.io\/runbooks/).length,
    ).toBeGreaterThan(0);
  });

  it("shows the backend's error instead of the targets", async () => {
    await render(
      <EntityReliabilityContent />,
      apiAnswering(async () => {
        throw new Error('reliability backend unavailable');
      }),
    );
    expect(
      await screen.findByText('Error: reliability backend unavailable', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Reliability targets')).not.toBeInTheDocument();
  });
});

describe('EntityReliabilityCard', () => {
  it('summarises the targets on the overview page', async () => {
    await render(
      <EntityReliabilityCard />,
      apiAnswering(async () => overview({ 'reliability.io/rpo': '15m' })),
    );
    expect(await screen.findByText('15m')).toBeInTheDocument();
    expect(screen.getAllByText('not set').length).toBeGreaterThan(0);
    expect(await screen.findByText('no recovery plan')).toBeInTheDocument();
    // No incident is open on it.
    expect(screen.getByText('Open incidents')).toBeInTheDocument();
    expect(screen.getByText('none')).toBeInTheDocument();
  });

  it("shows the entity's overall recovery state from its facts", async () => {
    const api = apiAnswering(async () => overview({}));
    api.getRecoveryFacts.mockResolvedValue({
      generatedAt: '2026-12-01T08:00:00Z',
      items: [
        {
          entityRef: 'component:default/insights-api',
          state: 'stale',
          plans: ['default/insights-platform'],
          components: {
            violated: 0,
            stale: 1,
            'at-risk': 0,
            unknown: 0,
            unchecked: 0,
            ok: 1,
            'not-needed': 0,
          },
          reasons: [],
        },
      ],
    });
    await render(<EntityReliabilityCard />, api);
    expect(await screen.findByText('Drill stale')).toBeInTheDocument();
    expect(api.getRecoveryFacts).toHaveBeenCalledWith(
      'component:default/insights-api',
    );
  });
});
