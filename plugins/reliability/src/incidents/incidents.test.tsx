import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import type { Incident } from '@reliability-suite/plugin-reliability-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { type IncidentsApi, incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { AlertLandingPage } from '../runbooks/AlertLandingPage';
import { rootRouteRef } from '../routes';
import { mockIncidentsApi } from '../__testUtils__/mockIncidentsApi';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { IncidentPage } from './IncidentPage';
import { IncidentsPage } from './IncidentsPage';

jest.setTimeout(30_000);

const INCIDENT: Incident = {
  id: '7d1f3e0a-0000-4000-8000-000000000001',
  number: 3,
  reference: 'INC-3',
  title: 'PostgreSQL primary is down',
  status: 'open',
  severity: 'P1',
  entityRefs: ['resource:default/insights-postgres'],
  commander: 'user:default/guest',
  milestones: {
    started: new Date(Date.now() - 20 * 60_000).toISOString(),
    acknowledged: new Date(Date.now() - 18 * 60_000).toISOString(),
  },
  statusUpdateDueAt: new Date(Date.now() + 10 * 60_000).toISOString(),
  alertCount: 1,
  firingAlertCount: 1,
  createdAt: new Date(Date.now() - 20 * 60_000).toISOString(),
  createdBy: 'alertmanager',
  updatedAt: new Date().toISOString(),
  version: 2,
  links: [],
  roles: [
    {
      role: 'commander',
      user: 'user:default/guest',
      assumedAt: new Date(Date.now() - 18 * 60_000).toISOString(),
      assignedBy: 'user:default/guest',
    },
  ],
  alerts: [
    {
      fingerprint: 'a1',
      alertName: 'PostgresDown',
      status: 'firing',
      labels: { alertname: 'PostgresDown' },
      annotations: {},
      startsAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    },
  ],
  runbooks: [
    {
      namespace: 'default',
      name: 'postgres-down',
      title: 'PostgreSQL primary is down',
      attachedBy: 'alert',
      attachedAt: new Date().toISOString(),
    },
  ],
  checklist: [],
  statusUpdates: [],
  timeline: [
    {
      id: 1,
      at: new Date(Date.now() - 20 * 60_000).toISOString(),
      type: 'declared',
      actor: 'alertmanager',
      source: 'alertmanager',
      summary: 'INC-3 opened by alert PostgresDown (P1)',
      pinned: false,
    },
  ],
};

const RUNBOOK = {
  namespace: 'default',
  name: 'postgres-down',
  title: 'PostgreSQL primary is down',
  entityRefs: [],
  triggers: [],
  sourceUrl: 'runbooks/postgres-down.yaml',
  sourceLine: 1,
  lastSyncedAt: new Date().toISOString(),
  stale: false,
  document: {
    apiVersion: 'reliability.io/v1alpha1',
    kind: 'Runbook',
    metadata: { name: 'postgres-down', namespace: 'default' },
    spec: {
      diagnosis: [{ run: 'kubectl get pods -n insights' }],
      steps: [{ manual: 'Fail over to the replica' }],
    },
  },
} as any;

function render(
  element: JSX.Element,
  incidents: IncidentsApi,
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    path?: string;
    route?: string;
    reliability?: ReturnType<typeof mockReliabilityApi>;
  } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          reliabilityApiRef,
          options.reliability ??
            mockReliabilityApi({
              getRunbook: async () => RUNBOOK,
              findRunbooksByAlert: async () => [],
            }),
        ],
        [incidentsApiRef, incidents],
        [
          catalogApiRef,
          catalogApiMock({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name: 'platform-team', title: 'Platform team' },
                spec: { type: 'team', children: [] },
              },
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name: 'data-team', title: 'Data team' },
                spec: { type: 'team', children: [] },
              },
            ],
          }),
        ],
        [
          permissionApiRef,
          new MockPermissionApi(
            () => options.permission ?? AuthorizeResult.ALLOW,
          ),
        ],
      ]}
    >
      <Routes>
        <Route path={options.route ?? '/'} element={element} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [options.path ?? '/'],
      mountedRoutes: {
        '/reliability': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('IncidentPage', () => {
  it('shows what the commander needs, and ticks runbook steps on the incident', async () => {
    // The server's state: the page polls it every few seconds, so the tick
    // must stay in it (a poll answering the incident without the tick would
    // take it off the page again).
    let stored: Incident = INCIDENT;
    const api = mockIncidentsApi({
      getIncident: async () => stored,
      tickIncidentStep: async (_id, tick) => {
        stored = {
          ...INCIDENT,
          checklist: [
            {
              outcome: 'done',
              ...tick,
              by: 'user:default/guest',
              at: new Date().toISOString(),
            },
          ],
        };
        return stored;
      },
    });
    await render(<IncidentPage />, api, {
      path: '/incidents/INC-3',
      route: '/incidents/:id',
    });
    expect(
      await screen.findAllByText('INC-3: PostgreSQL primary is down'),
    ).not.toHaveLength(0);
    expect(api.getIncident).toHaveBeenCalledWith('INC-3');
    // Started 20 minutes before the fixtures were made. The running time reads
    // in its two largest units, so the seconds between the fixtures and the
    // render show ("20m 7s"), and a loaded machine may take a minute more.
    expect(
      screen.getByText(/^2[01]m( [1-5]?\ds)? — started/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/15 minutes; acknowledged after 2m/),
    ).toBeInTheDocument();
    const tick = await screen.findByRole('checkbox', {
      name: 'Done: steps step 1',
    });
    fireEvent.click(tick);
    await waitFor(() =>
      expect(api.tickIncidentStep).toHaveBeenCalledWith(INCIDENT.id, {
        runbook: 'default/postgres-down',
        step: 'steps[0]',
        done: true,
      }),
    );
    expect(await screen.findByText(/done by/)).toBeInTheDocument();

    // How it went: failed, and why.
    fireEvent.change(screen.getByLabelText('How steps[0] went'), {
      target: { value: 'failed' },
    });
    await waitFor(() =>
      expect(api.tickIncidentStep).toHaveBeenLastCalledWith(INCIDENT.id, {
        runbook: 'default/postgres-down',
        step: 'steps[0]',
        done: true,
        outcome: 'failed',
      }),
    );
    expect(await screen.findByText(/marked “Failed” by/)).toBeInTheDocument();
    const note = screen.getByLabelText('Note on steps[0]');
    fireEvent.change(note, { target: { value: 'the pod stays Pending' } });
    fireEvent.blur(note);
    await waitFor(() =>
      expect(api.tickIncidentStep).toHaveBeenLastCalledWith(INCIDENT.id, {
        runbook: 'default/postgres-down',
        step: 'steps[0]',
        done: true,
        outcome: 'failed',
        note: 'the pod stays Pending',
      }),
    );
  });

  it('says an imported incident was imported, and by whom', async () => {
    const api = mockIncidentsApi({
      getIncident: async () => ({
        ...INCIDENT,
        imported: {
          externalId: 'pagerduty:Q1ABC',
          by: 'user:default/lena.schmidt',
        },
      }),
    });
    await render(<IncidentPage />, api, {
      path: '/incidents/INC-3',
      route: '/incidents/:id',
    });
    expect(
      await screen.findByText(/^From another tool \(pagerduty:Q1ABC\) by/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'lena.schmidt' })).toHaveAttribute(
      'href',
      '/catalog/default/user/lena.schmidt',
    );
  });

  it('says nothing of an import for an incident declared here', async () => {
    await render(
      <IncidentPage />,
      mockIncidentsApi({ getIncident: async () => INCIDENT }),
      { path: '/incidents/INC-3', route: '/incidents/:id' },
    );
    expect(
      await screen.findAllByText('INC-3: PostgreSQL primary is down'),
    ).not.toHaveLength(0);
    expect(screen.queryByText(/From another tool/)).not.toBeInTheDocument();
  });

  it('shows what someone else did without a reload', async () => {
    let calls = 0;
    const api = mockIncidentsApi({
      getIncident: async () =>
        ++calls === 1
          ? INCIDENT
          : {
              ...INCIDENT,
              timeline: [
                ...INCIDENT.timeline,
                {
                  id: 2,
                  at: new Date().toISOString(),
                  type: 'note',
                  actor: 'user:default/amara',
                  source: 'portal',
                  summary: 'The replica is healthy',
                  pinned: false,
                },
                {
                  id: 3,
                  at: new Date().toISOString(),
                  type: 'note',
                  actor: 'user:default/amara',
                  source: 'mcp',
                  summary: 'Her assistant found the runbook',
                  pinned: false,
                },
              ],
            },
    });
    await render(<IncidentPage />, api, {
      path: '/incidents/INC-3',
      route: '/incidents/:id',
    });
    expect(
      await screen.findByText(
        'The replica is healthy',
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    // A write an agent made for her says so.
    expect(
      screen.getByText('Her assistant found the runbook'),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/via an agent \(MCP\)/)).toHaveLength(1);
  });

  it('asks again with the ETag of what it shows, and keeps it when nothing changed', async () => {
    const api = mockIncidentsApi({
      getIncidentIfChanged: async (_id: string, etag?: string) =>
        etag === '"v1"' ? undefined : { incident: INCIDENT, etag: '"v1"' },
    });
    await render(<IncidentPage />, api, {
      path: '/incidents/INC-3',
      route: '/incidents/:id',
    });
    expect(
      await screen.findAllByText('INC-3: PostgreSQL primary is down'),
    ).not.toHaveLength(0);
    await waitFor(
      () =>
        expect(api.getIncidentIfChanged).toHaveBeenCalledWith('INC-3', '"v1"'),
      { timeout: 10_000 },
    );
    expect(api.getIncidentIfChanged.mock.calls[0]).toEqual([
      'INC-3',
      undefined,
    ]);
    // Unchanged: still shown, not an error.
    expect(
      screen.getAllByText('INC-3: PostgreSQL primary is down'),
    ).not.toHaveLength(0);
    expect(api.getIncident).not.toHaveBeenCalled();
  });

  it('says so when someone changed it first, and loads their change', async () => {
    const api = mockIncidentsApi({
      getIncident: async () => INCIDENT,
      updateIncident: async () => {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: {
                name: 'ConflictError',
                message: 'INC-3 is at version 3',
              },
            }),
            {
              status: 409,
              headers: { 'Content-Type': 'application/json' },
            },
          ) as any,
        );
      },
    });
    await render(<IncidentPage />, api, {
      path: '/incidents/INC-3',
      route: '/incidents/:id',
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Mark mitigated' }),
    );
    await waitFor(() =>
      expect(api.getIncident.mock.calls.length).toBeGreaterThan(1),
    );
    expect(api.updateIncident).toHaveBeenCalledWith(INCIDENT.id, {
      version: 2,
      status: 'mitigated',
    });
  });

  it('takes n to the note and u to the status update, not while typing', async () => {
    const other = { ...INCIDENT, id: '7d1f3e0a-0000-4000-8000-000000000011' };
    const api = mockIncidentsApi({ getIncident: async () => other });
    await render(<IncidentPage />, api, {
      path: '/incidents/INC-3',
      route: '/incidents/:id',
    });
    expect(await screen.findByText(/Keys:/)).toBeInTheDocument();
    const note = screen.getByLabelText('Note');
    const conditions = screen.getByLabelText('Conditions: what is happening');
    await userEvent.keyboard('n');
    expect(note).toHaveFocus();
    // Typed into a field, the keys are text.
    await userEvent.keyboard('u');
    expect(note).toHaveFocus();
    expect(note).toHaveValue('u');
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('u');
    expect(conditions).toHaveFocus();
    expect(conditions).toHaveValue('');
  });

  it('offers no controls to those the policy denies', async () => {
    // Another incident: permission answers are cached per resource.
    const other = { ...INCIDENT, id: '7d1f3e0a-0000-4000-8000-000000000009' };
    const api = mockIncidentsApi({ getIncident: async () => other });
    await render(<IncidentPage />, api, {
      path: '/incidents/INC-3',
      route: '/incidents/:id',
      permission: AuthorizeResult.DENY,
    });
    expect(
      await screen.findAllByText('INC-3: PostgreSQL primary is down'),
    ).not.toHaveLength(0);
    expect(
      screen.queryByRole('button', { name: 'Mark mitigated' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Post status update' }),
    ).not.toBeInTheDocument();
  });
});

describe('DeclareIncidentDialog', () => {
  it('checks fields with the schema, suggests a severity, and declares', async () => {
    const api = mockIncidentsApi({
      classifyIncident: async q => ({
        suggestion:
          q.usersAffected === 'all'
            ? { severity: 'P1', reasons: ['P1: All users are affected'] }
            : { reasons: [] },
        components: ['postgres'],
        guide: [],
      }),
      declareIncident: async input =>
        ({ ...INCIDENT, ...input, reference: 'INC-4' } as Incident),
    });
    const reliability = mockReliabilityApi({
      listRunbooks: async () => [
        {
          namespace: 'default',
          name: 'api-not-responding',
          title: 'Insights API not responding',
        } as any,
      ],
    });
    await render(
      <DeclareIncidentDialog
        open
        onClose={() => {}}
        entityRef="component:default/insights-api"
      />,
      api,
      { reliability },
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Declare' }));
    // Title and severity are required.
    expect(
      await within(dialog).findAllByText('must not be empty'),
    ).toHaveLength(2);
    expect(api.declareIncident).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByLabelText('What is happening'),
      'Checkout fails',
    );
    fireEvent.mouseDown(within(dialog).getByLabelText('Who is affected'));
    fireEvent.click(await screen.findByRole('option', { name: 'All users' }));
    expect(
      await screen.findByText('P1: All users are affected'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Use P1' }));
    // The service's runbooks, to work through on the incident.
    const runbook = within(dialog).getByLabelText(
      'Insights API not responding',
    );
    fireEvent.click(runbook);
    expect(runbook).toBeChecked();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Declare' }));
    await waitFor(() =>
      expect(api.declareIncident).toHaveBeenCalledWith({
        title: 'Checkout fails',
        severity: 'P1',
        entityRefs: ['component:default/insights-api'],
        runbooks: ['default/api-not-responding'],
      }),
    );
  });
});

describe('the context at declaration', () => {
  it("shows the typed entities' dependents, owners, runbooks, recovery and a past incident's open action item", async () => {
    const api = mockIncidentsApi({
      getIncidentContext: jest.fn(async () => ({
        entities: [
          {
            entityRef: 'resource:default/insights-postgres',
            title: 'Insights PostgreSQL',
            relation: 'affected' as const,
            depth: 0,
            owner: 'group:default/platform-team',
            runbooks: [
              {
                namespace: 'default',
                name: 'postgres-down',
                title: 'PostgreSQL primary is down',
              },
            ],
            recovery: {
              state: 'at-risk' as const,
              plans: ['default/insights-platform'],
              reasons: [],
            },
          },
          {
            entityRef: 'component:default/insights-web',
            title: 'Insights web app',
            relation: 'dependent' as const,
            depth: 2,
            via: 'component:default/insights-api',
            owner: 'group:default/web-team',
            runbooks: [],
          },
        ],
        truncated: false,
        pastIncidents: [
          {
            incident: { ...INCIDENT, reference: 'INC-1', title: 'Volume full' },
            sharedEntityRefs: ['resource:default/insights-postgres'],
            sharedAlertNames: [],
            postmortem: {
              id: 'pm-1',
              title: 'Insights API down: PostgreSQL volume full',
              status: 'published',
              openActionItems: [
                {
                  id: 'a3',
                  title: 'Add the archive check to the disk-full runbook',
                  type: 'mitigate' as const,
                  status: 'open' as const,
                  owner: 'platform-team',
                },
              ],
            },
          },
        ],
      })),
    });
    await render(
      <DeclareIncidentDialog
        open
        onClose={() => {}}
        entityRef="resource:default/insights-postgres"
      />,
      api,
    );
    const context = await screen.findByRole('region', {
      name: 'Incident context',
    });
    expect(api.getIncidentContext).toHaveBeenCalledWith({
      entityRefs: ['resource:default/insights-postgres'],
      alertNames: [],
      exclude: undefined,
    });
    const rows = within(
      within(context).getByRole('table', {
        name: 'Affected entities and their dependents',
      }),
    ).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Affected');
    expect(rows[1]).toHaveTextContent('PostgreSQL primary is down');
    expect(rows[1]).toHaveTextContent('At risk');
    expect(rows[2]).toHaveTextContent('Depends on');
    expect(rows[2]).toHaveTextContent('No plan');
    expect(
      within(context).getByRole('link', {
        name: 'PostgreSQL primary is down',
      }),
    ).toHaveAttribute('href', expect.stringContaining('postgres-down'));
    const items = within(context).getByRole('list', {
      name: 'Open action items of INC-1',
    });
    expect(items).toHaveTextContent(
      'Add the archive check to the disk-full runbook',
    );
    expect(
      within(context).getByRole('link', { name: 'INC-1 · Volume full' }),
    ).toBeInTheDocument();

    // Typing another entity asks again, once the typing has settled.
    const field = screen.getByLabelText(
      'Affected entities (refs, comma-separated)',
    );
    await userEvent.type(field, ', component:insights-api');
    await waitFor(() =>
      expect(api.getIncidentContext).toHaveBeenLastCalledWith({
        entityRefs: [
          'component:default/insights-api',
          'resource:default/insights-postgres',
        ],
        alertNames: [],
        exclude: undefined,
      }),
    );
  });
});

describe('IncidentsPage filters', () => {
  it('filters by an owner picked from the catalog by its title, kept in the URL, and opens from a shared link filtered', async () => {
    const api = mockIncidentsApi({
      listIncidents: jest.fn(async () => ({
        items: [INCIDENT],
        totalCount: 1,
      })),
    });
    await render(<IncidentsPage />, api, {
      path: '/?status=open&owner=group:default/data-team',
    });
    // The shared link's filter: asked for at once, shown by title.
    await waitFor(() =>
      expect(api.listIncidents).toHaveBeenCalledWith({
        status: 'open',
        owner: 'group:default/data-team',
        limit: 25,
        offset: 0,
      }),
    );
    const owner = screen.getByRole('textbox', { name: 'Owner' });
    expect(owner).toHaveValue('Data team');

    // Another owner, picked by title: never a ref typed by hand.
    await userEvent.clear(owner);
    await userEvent.type(owner, 'Platf');
    await userEvent.click(
      await screen.findByRole('option', { name: /Platform team/ }),
    );
    await waitFor(() =>
      expect(api.listIncidents).toHaveBeenLastCalledWith({
        status: 'open',
        owner: 'group:default/platform-team',
        limit: 25,
        offset: 0,
      }),
    );
  });
});

describe('IncidentsPage over many incidents', () => {
  it('reads them a page at a time, and starts again at the first when a filter changes', async () => {
    let all = Array.from({ length: 60 }, (_, i) => ({
      ...INCIDENT,
      id: `7d1f3e0a-0000-4000-8000-${String(i).padStart(12, '0')}`,
      number: 60 - i,
      reference: `INC-${60 - i}`,
      title: `Incident number ${60 - i}`,
    }));
    const api = mockIncidentsApi({
      listIncidents: jest.fn(
        async ({ limit = 500, offset = 0, severity } = {}) => {
          const matching = severity ? all.slice(0, 3) : all;
          return {
            items: matching.slice(offset, offset + limit),
            totalCount: matching.length,
          };
        },
      ),
    });
    await render(<IncidentsPage />, api);
    expect(await screen.findByText('Incidents (60)')).toBeInTheDocument();
    expect(screen.getByText('Incident number 60')).toBeInTheDocument();
    expect(screen.queryByText('Incident number 35')).not.toBeInTheDocument();
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenLastCalledWith({
      limit: 25,
      offset: 0,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Incident number 35')).toBeInTheDocument();
    expect(screen.getByText('26–50 of 60')).toBeInTheDocument();
    expect(screen.queryByText('Incident number 60')).not.toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenLastCalledWith({
      limit: 25,
      offset: 25,
    });

    // A filter: back to the first page of what matches.
    const severity = () =>
      screen
        .getAllByRole('button', { name: 'Severity' })
        .find(e => e.getAttribute('aria-haspopup') === 'listbox')!;
    fireEvent.mouseDown(severity());
    fireEvent.click(await screen.findByRole('option', { name: /^P1/ }));
    expect(await screen.findByText('Incidents (3)')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenLastCalledWith({
      severity: 'P1',
      limit: 25,
      offset: 0,
    });
    expect(screen.queryByText(/of 60/)).not.toBeInTheDocument();

    // Back to "All": the first page again, not the page left before.
    fireEvent.mouseDown(severity());
    fireEvent.click(await screen.findByRole('option', { name: 'All' }));
    expect(await screen.findByText('Incidents (60)')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenLastCalledWith({
      limit: 25,
      offset: 0,
    });
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();

    // The list shrinks under the reader: a page past its end moves to the
    // last page there is.
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('26–50 of 60')).toBeInTheDocument();
    all = all.slice(0, 20);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Incidents (20)')).toBeInTheDocument();
    expect(await screen.findByText('Incident number 60')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenLastCalledWith({
      limit: 25,
      offset: 0,
    });
  }, 120_000);
});

describe('AlertLandingPage with an open incident', () => {
  it('leads to the incident holding the alert in one click', async () => {
    const api = mockIncidentsApi({
      listIncidents: async () => ({ items: [INCIDENT], totalCount: 1 }),
    });
    await render(<AlertLandingPage />, api, {
      path: '/alerts/PostgresDown',
      route: '/alerts/:alertName',
    });
    const link = await screen.findByRole('link', { name: /Open INC-3 \(P1\)/ });
    expect(link).toHaveAttribute('href', '/reliability/incidents/INC-3');
    expect(api.listIncidents).toHaveBeenCalledWith({
      alertName: 'PostgresDown',
    });
  });
});
