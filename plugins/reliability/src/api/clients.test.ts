import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { IncidentsClient } from './IncidentsClient';
import { ReliabilityClient } from './ReliabilityClient';

// Every method of both clients, each against the request it must send (method,
// encoded path, query, body, the user's token) and what it makes of the answer.
// A method added to a client without a case here fails the first test.

const baseUrl = 'http://backstage.test/api/reliability';
const server = setupServer();

type Clients = { reliability: ReliabilityClient; incidents: IncidentsClient };

type Case = {
  call: (clients: Clients) => Promise<unknown>;
  /** The request the method sends. */
  request: {
    method: string;
    path: string;
    query?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  };
  /** The backend's answer (JSON unless a Response). */
  answer: unknown;
  /** What the method returns for it. */
  returns: unknown;
};

const incident = { id: 'INC-7', version: 3, title: 'Checkout slow' };
const postmortem = { id: 'pm 1', version: 2, title: 'Checkout outage' };
const page = (items: unknown[]) => ({ items, total: items.length });

const cases: Record<string, Case> = {
  getHealth: {
    call: c => c.reliability.getHealth(),
    request: { method: 'GET', path: '/health' },
    answer: { status: 'ok', database: 'better-sqlite3' },
    returns: { status: 'ok', database: 'better-sqlite3' },
  },
  getEntityOverview: {
    call: c => c.reliability.getEntityOverview('component:team-a/my api'),
    request: {
      method: 'GET',
      path: '/entities/team-a/component/my%20api/overview',
    },
    answer: { entityRef: 'component:team-a/my api' },
    returns: { entityRef: 'component:team-a/my api' },
  },
  listSeverities: {
    call: c => c.reliability.listSeverities(),
    request: { method: 'GET', path: '/severities' },
    answer: { items: [{ id: 'P1' }] },
    returns: [{ id: 'P1' }],
  },
  listRunbooks: {
    call: c => c.reliability.listRunbooks('component:default/insights-api'),
    request: {
      method: 'GET',
      path: '/runbooks',
      query: { entityRef: 'component:default/insights-api' },
    },
    answer: { items: [{ name: 'db-failover' }] },
    returns: [{ name: 'db-failover' }],
  },
  getRunbook: {
    call: c => c.reliability.getRunbook('default', 'db/failover'),
    request: { method: 'GET', path: '/runbooks/default/db%2Ffailover' },
    answer: { name: 'db/failover' },
    returns: { name: 'db/failover' },
  },
  findRunbooksByAlert: {
    call: c =>
      c.reliability.findRunbooksByAlert('HighLatency', { service: 'checkout' }),
    request: {
      method: 'GET',
      path: '/runbooks/by-alert/HighLatency',
      query: { service: 'checkout' },
    },
    answer: { items: [{ name: 'latency' }] },
    returns: [{ name: 'latency' }],
  },
  getRunbookIndexStatus: {
    call: c => c.reliability.getRunbookIndexStatus('component:default/a'),
    request: {
      method: 'GET',
      path: '/runbooks/index-status',
      query: { entityRef: 'component:default/a' },
    },
    answer: { locations: [] },
    returns: { locations: [] },
  },
  listRecoveryPlans: {
    call: c => c.reliability.listRecoveryPlans('component:default/a'),
    request: {
      method: 'GET',
      path: '/recovery-plans',
      query: { entityRef: 'component:default/a' },
    },
    answer: { items: [{ name: 'plan' }] },
    returns: [{ name: 'plan' }],
  },
  getRecoveryPlan: {
    call: c => c.reliability.getRecoveryPlan('default', 'insights platform'),
    request: {
      method: 'GET',
      path: '/recovery-plans/default/insights%20platform',
    },
    answer: { name: 'insights platform' },
    returns: { name: 'insights platform' },
  },
  getRecoveryOverview: {
    call: c => c.reliability.getRecoveryOverview(),
    request: { method: 'GET', path: '/recovery/overview' },
    answer: { plans: [] },
    returns: { plans: [] },
  },
  getRecoveryPlanHistory: {
    call: c => c.reliability.getRecoveryPlanHistory('default', 'p'),
    request: { method: 'GET', path: '/recovery-plans/default/p/history' },
    answer: { components: [] },
    returns: { components: [] },
  },
  getRecoveryFacts: {
    call: c => c.reliability.getRecoveryFacts('component:default/a'),
    request: {
      method: 'GET',
      path: '/facts/recovery',
      query: { entityRef: 'component:default/a' },
    },
    answer: { entities: [] },
    returns: { entities: [] },
  },
  getAlertCoverage: {
    call: c => c.reliability.getAlertCoverage('component:default/insights-api'),
    request: {
      method: 'GET',
      path: '/alerts/coverage',
      query: { entityRef: 'component:default/insights-api' },
    },
    answer: { alerts: [], deadTriggers: [] },
    returns: { alerts: [], deadTriggers: [] },
  },
  getRunbookStatistics: {
    call: c => c.reliability.getRunbookStatistics('default', 'postgres down'),
    request: {
      method: 'GET',
      path: '/runbooks/default/postgres%20down/statistics',
    },
    answer: { runbook: 'default/postgres down', incidents: 3 },
    returns: { runbook: 'default/postgres down', incidents: 3 },
  },
  getAlertCoverageHistory: {
    call: c => c.reliability.getAlertCoverageHistory(),
    request: { method: 'GET', path: '/alerts/coverage/history' },
    answer: { items: [{ day: '2026-12-07', owner: '*' }] },
    returns: [{ day: '2026-12-07', owner: '*' }],
  },
  refreshRunbooks: {
    call: c =>
      c.reliability.refreshRunbooks('component:default/a', { full: true }),
    request: {
      method: 'POST',
      path: '/runbooks/refresh',
      body: { entityRef: 'component:default/a', full: true },
    },
    answer: { locations: [] },
    returns: { locations: [] },
  },
  listRecoveryViolations: {
    call: c =>
      c.reliability.listRecoveryViolations({
        state: 'open',
        entityRef: undefined,
      }),
    request: {
      method: 'GET',
      path: '/recovery/violations',
      query: { state: 'open' },
    },
    answer: { items: [{ id: 4 }] },
    returns: { items: [{ id: 4 }] },
  },
  acknowledgeRecoveryViolation: {
    call: c =>
      c.reliability.acknowledgeRecoveryViolation(4, {
        reason: 'Restore drill moved to Friday',
        until: '2026-12-11',
      }),
    request: {
      method: 'POST',
      path: '/recovery/violations/4/acknowledge',
      body: { reason: 'Restore drill moved to Friday', until: '2026-12-11' },
    },
    answer: { id: 4, ackedBy: 'user:default/guest' },
    returns: { id: 4, ackedBy: 'user:default/guest' },
  },
  exportRecoveryEvidence: {
    call: async c => {
      const { fileName, content } = await c.reliability.exportRecoveryEvidence({
        entityRef: 'component:default/a',
        from: '2026-11-01',
      });
      return { fileName, text: await content.text() };
    },
    request: {
      method: 'GET',
      path: '/recovery/evidence',
      query: { entityRef: 'component:default/a', from: '2026-11-01' },
    },
    answer: new HttpResponse('tar bytes', {
      headers: {
        'Content-Type': 'application/x-tar',
        'Content-Disposition': 'attachment; filename="evidence-a.tar"',
      },
    }),
    returns: { fileName: 'evidence-a.tar', text: 'tar bytes' },
  },
  exportRunbooks: {
    call: async c => {
      const { fileName, content } = await c.reliability.exportRunbooks({
        severity: 'P1',
      });
      return { fileName, text: await content.text() };
    },
    request: {
      method: 'GET',
      path: '/runbooks/export',
      query: { severity: 'P1' },
    },
    // No file name given: the client names the file itself.
    answer: new HttpResponse('<html></html>', {
      headers: { 'Content-Type': 'text/html' },
    }),
    returns: { fileName: 'runbooks.html', text: '<html></html>' },
  },
  listPostmortems: {
    call: c =>
      c.reliability.listPostmortems({
        status: 'published',
        limit: 10,
        severity: '',
      }),
    request: {
      method: 'GET',
      path: '/postmortems',
      query: { status: 'published', limit: '10' },
    },
    answer: page([postmortem]),
    returns: page([postmortem]),
  },
  getPostmortem: {
    call: c => c.reliability.getPostmortem('pm 1'),
    request: { method: 'GET', path: '/postmortems/pm%201' },
    answer: postmortem,
    returns: postmortem,
  },
  createPostmortem: {
    call: c =>
      c.reliability.createPostmortem({ title: 'Checkout outage' } as any),
    request: {
      method: 'POST',
      path: '/postmortems',
      body: { title: 'Checkout outage' },
    },
    answer: postmortem,
    returns: postmortem,
  },
  updatePostmortem: {
    call: c =>
      c.reliability.updatePostmortem('pm 1', 2, {
        title: 'Checkout outage',
      } as any),
    request: {
      method: 'PUT',
      path: '/postmortems/pm%201',
      body: { title: 'Checkout outage', version: 2 },
    },
    answer: { ...postmortem, version: 3 },
    returns: { ...postmortem, version: 3 },
  },
  deletePostmortem: {
    call: c => c.reliability.deletePostmortem('pm 1'),
    request: { method: 'DELETE', path: '/postmortems/pm%201' },
    answer: new HttpResponse(null, { status: 204 }),
    returns: undefined,
  },
  getPostmortemAudit: {
    call: c => c.reliability.getPostmortemAudit('pm 1'),
    request: { method: 'GET', path: '/postmortems/pm%201/audit' },
    answer: { items: [{ action: 'create', version: 1 }] },
    returns: [{ action: 'create', version: 1 }],
  },
  listActionItems: {
    call: c =>
      c.reliability.listActionItems({
        runbook: 'default/db-failover',
        offset: 20,
      }),
    request: {
      method: 'GET',
      path: '/postmortems/action-items',
      query: { runbook: 'default/db-failover', offset: '20' },
    },
    answer: page([{ id: 'A1' }]),
    returns: page([{ id: 'A1' }]),
  },

  listIncidents: {
    call: c =>
      c.incidents.listIncidents({
        status: 'open',
        owner: 'group:default/platform-team',
        from: '2026-12-01',
      }),
    request: {
      method: 'GET',
      path: '/incidents',
      query: {
        status: 'open',
        owner: 'group:default/platform-team',
        from: '2026-12-01',
      },
    },
    answer: page([incident]),
    returns: page([incident]),
  },
  getIncident: {
    call: c => c.incidents.getIncident('INC-7'),
    request: { method: 'GET', path: '/incidents/INC-7' },
    answer: incident,
    returns: incident,
  },
  getIncidentIfChanged: {
    call: c => c.incidents.getIncidentIfChanged('INC-7', 'W/"2"'),
    request: {
      method: 'GET',
      path: '/incidents/INC-7',
      headers: { 'if-none-match': 'W/"2"' },
    },
    answer: HttpResponse.json(incident, { headers: { ETag: 'W/"3"' } }),
    returns: { incident, etag: 'W/"3"' },
  },
  declareIncident: {
    call: c =>
      c.incidents.declareIncident({
        title: 'Checkout slow',
        severity: 'P2',
        entityRefs: ['component:default/checkout'],
      }),
    request: {
      method: 'POST',
      path: '/incidents',
      body: {
        title: 'Checkout slow',
        severity: 'P2',
        entityRefs: ['component:default/checkout'],
      },
    },
    answer: incident,
    returns: incident,
  },
  updateIncident: {
    call: c =>
      c.incidents.updateIncident('INC-7', { version: 3, status: 'mitigated' }),
    request: {
      method: 'PATCH',
      path: '/incidents/INC-7',
      body: { version: 3, status: 'mitigated' },
    },
    answer: { ...incident, version: 4 },
    returns: { ...incident, version: 4 },
  },
  assignIncidentRole: {
    call: c =>
      c.incidents.assignIncidentRole('INC-7', 'commander', 'user:default/ana'),
    request: {
      method: 'POST',
      path: '/incidents/INC-7/roles',
      body: { role: 'commander', user: 'user:default/ana' },
    },
    answer: incident,
    returns: incident,
  },
  addIncidentNote: {
    call: c => c.incidents.addIncidentNote('INC-7', 'Failover started', true),
    request: {
      method: 'POST',
      path: '/incidents/INC-7/notes',
      body: { text: 'Failover started', pinned: true },
    },
    answer: incident,
    returns: incident,
  },
  addIncidentStatusUpdate: {
    call: c =>
      c.incidents.addIncidentStatusUpdate('INC-7', {
        conditions: 'Checkout errors at 20%',
        actions: 'Failing over the primary',
      }),
    request: {
      method: 'POST',
      path: '/incidents/INC-7/status-updates',
      body: {
        conditions: 'Checkout errors at 20%',
        actions: 'Failing over the primary',
      },
    },
    answer: incident,
    returns: incident,
  },
  tickIncidentStep: {
    call: c =>
      c.incidents.tickIncidentStep('INC-7', {
        runbook: 'default/db-failover',
        step: 'promote-replica',
        done: true,
        outcome: 'failed',
        note: 'the replica lags',
      }),
    request: {
      method: 'PUT',
      path: '/incidents/INC-7/checklist',
      body: {
        runbook: 'default/db-failover',
        step: 'promote-replica',
        done: true,
        outcome: 'failed',
        note: 'the replica lags',
      },
    },
    answer: incident,
    returns: incident,
  },
  judgeIncidentAlert: {
    call: c => c.incidents.judgeIncidentAlert('INC-7', 'd30a5ee1', 'noise'),
    request: {
      method: 'PUT',
      path: '/incidents/INC-7/alerts/d30a5ee1/verdict',
      body: { verdict: 'noise' },
    },
    answer: incident,
    returns: incident,
  },
  getAlertFigures: {
    call: c => c.incidents.getAlertFigures('component:default/checkout'),
    request: {
      method: 'GET',
      path: '/incidents/alert-figures',
      query: { entityRef: 'component:default/checkout' },
    },
    answer: { items: [{ alertName: 'CheckoutDown', fired: 3 }] },
    returns: [{ alertName: 'CheckoutDown', fired: 3 }],
  },
  pinIncidentEvent: {
    call: c => c.incidents.pinIncidentEvent('INC-7', 12, false),
    request: {
      method: 'PUT',
      path: '/incidents/INC-7/timeline/12/pin',
      body: { pinned: false },
    },
    answer: incident,
    returns: incident,
  },
  startIncidentPostmortem: {
    call: c => c.incidents.startIncidentPostmortem('INC-7'),
    request: { method: 'POST', path: '/incidents/INC-7/postmortem' },
    answer: { postmortemId: 'pm 1', created: true },
    returns: { postmortemId: 'pm 1', created: true },
  },
  listIncidentRoles: {
    call: c => c.incidents.listIncidentRoles(),
    request: { method: 'GET', path: '/incidents/roles' },
    answer: { items: [{ id: 'commander', title: 'Incident commander' }] },
    returns: [{ id: 'commander', title: 'Incident commander' }],
  },
  getIncidentMetrics: {
    call: c =>
      c.incidents.getIncidentMetrics({
        entityRef: 'component:default/checkout',
        to: '2026-12-07',
      }),
    request: {
      method: 'GET',
      path: '/incidents/metrics',
      query: { entityRef: 'component:default/checkout', to: '2026-12-07' },
    },
    answer: { count: 2 },
    returns: { count: 2 },
  },
  listPostmortemsDue: {
    call: c => c.incidents.listPostmortemsDue(),
    request: { method: 'GET', path: '/incidents/postmortems-due' },
    answer: { items: [incident] },
    returns: [incident],
  },
  getIncidentContext: {
    call: c =>
      c.incidents.getIncidentContext({
        entityRefs: ['resource:default/db', 'component:default/api'],
        alertNames: ['DbDown'],
        exclude: 'INC-7',
      }),
    request: {
      method: 'GET',
      path: '/incidents/context',
      query: {
        entityRefs: 'resource:default/db,component:default/api',
        alertNames: 'DbDown',
        exclude: 'INC-7',
      },
    },
    answer: { entities: [], truncated: false, pastIncidents: [] },
    returns: { entities: [], truncated: false, pastIncidents: [] },
  },
  classifyIncident: {
    call: c =>
      c.incidents.classifyIncident({
        usersAffected: 'all',
        workaround: false,
      }),
    request: {
      method: 'GET',
      path: '/incidents/classification',
      query: { usersAffected: 'all', workaround: 'false' },
    },
    answer: { severity: 'P1' },
    returns: { severity: 'P1' },
  },
};

function clientMethods(prototype: object): string[] {
  return Object.getOwnPropertyNames(prototype).filter(
    name => name !== 'constructor',
  );
}

describe('the API clients', () => {
  registerMswTestHooks(server);

  const options = {
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi({ injectIdentityAuth: { token: 'user-token' } }),
  };
  const clients: Clients = {
    reliability: new ReliabilityClient(options),
    incidents: new IncidentsClient(options),
  };

  it('has a case for every method of both clients', () => {
    expect(
      [
        ...clientMethods(ReliabilityClient.prototype),
        ...clientMethods(IncidentsClient.prototype),
      ].sort(),
    ).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.entries(cases))(
    '%s sends its request and returns the answer',
    async (_name, { call, request, answer, returns }) => {
      const seen: Array<{
        method: string;
        path: string;
        query: Record<string, string>;
        body: unknown;
        headers: Headers;
      }> = [];
      server.use(
        http.all(`${baseUrl}/*`, async ({ request: req }) => {
          const url = new URL(req.url);
          const text = await req.text();
          seen.push({
            method: req.method,
            path: url.pathname.slice(new URL(baseUrl).pathname.length),
            query: Object.fromEntries(url.searchParams),
            body: text ? JSON.parse(text) : undefined,
            headers: req.headers,
          });
          return answer instanceof Response
            ? answer
            : HttpResponse.json(answer as any);
        }),
      );

      await expect(call(clients)).resolves.toEqual(returns);

      expect(seen).toHaveLength(1);
      const [sent] = seen;
      expect(sent).toMatchObject({
        method: request.method,
        path: request.path,
        query: request.query ?? {},
        body: request.body,
      });
      expect(sent.headers.get('authorization')).toBe('Bearer user-token');
      expect(sent.headers.get('content-type')).toBe(
        request.body === undefined ? null : 'application/json',
      );
      for (const [header, value] of Object.entries(request.headers ?? {})) {
        expect(sent.headers.get(header)).toBe(value);
      }
    },
  );

  it('gives no incident when it has not changed since the tag it was given', async () => {
    server.use(
      http.get(`${baseUrl}/incidents/INC-7`, ({ request }) =>
        request.headers.get('if-none-match') === 'W/"3"'
          ? new HttpResponse(null, { status: 304 })
          : HttpResponse.json(incident, { headers: { ETag: 'W/"3"' } }),
      ),
    );
    await expect(
      clients.incidents.getIncidentIfChanged('INC-7', 'W/"3"'),
    ).resolves.toBeUndefined();
    // A 304 is only an answer to a conditional request.
    await expect(
      clients.incidents.getIncidentIfChanged('INC-7'),
    ).resolves.toEqual({ incident, etag: 'W/"3"' });
  });

  it.each([
    [400, 'InputError', 'version: Required'],
    [403, 'NotAllowedError', 'You may not update INC-7'],
    [409, 'ConflictError', 'INC-7 is at version 4, not 3'],
  ])(
    'turns a %i answer into an error carrying the backend message',
    async (status, name, message) => {
      server.use(
        http.patch(`${baseUrl}/incidents/INC-7`, () =>
          HttpResponse.json(
            { error: { name, message }, response: { statusCode: status } },
            { status },
          ),
        ),
      );
      await expect(
        clients.incidents.updateIncident('INC-7', { version: 3 }),
      ).rejects.toMatchObject({
        statusCode: status,
        body: { error: { name, message } },
      });
    },
  );
});
