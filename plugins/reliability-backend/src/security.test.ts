import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import type { ComponentRecoveryStatus } from '@reliability-suite/plugin-reliability-common';
import { reliabilityPlugin } from './plugin';
import { recordingAuditor, type Audited } from './__testUtils__/auditor';
import { DatabaseRecoveryViolationStore } from './recovery/DatabaseRecoveryViolationStore';

const {
  audited,
  auditedMeta,
  factory: recordingAuditorFactory,
} = recordingAuditor();
const kebab = (id: string) => id.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);

// Security by enumeration: every route of the OpenAPI document (the router
// cannot serve any other) is called without credentials, and every write
// without permission — so a route added later cannot skip either check.

const doc = parse(
  readFileSync(join(__dirname, 'schema/openapi.yaml'), 'utf8'),
) as { paths: Record<string, Record<string, any>> };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  METHODS.filter(m => item[m]).map(method => ({
    method,
    path,
    id: item[method].operationId as string,
    public:
      Array.isArray(item[method].security) && !item[method].security.length,
    // Reads that take an entity are given one.
    entityQuery: (item[method].parameters ?? []).some(
      (p: any) =>
        p.name === 'entityRef' ||
        p.$ref === '#/components/parameters/EntityRefQueryRequired',
    ),
  })),
);
const PLAN = `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: insights-data }
spec:
  components:
    - { name: postgres, entityRef: resource:insights-postgres, rpo: 24h }
`;
const RUNBOOK = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: postgres-down, title: PostgreSQL is down }
spec:
  severity: P1
  triggers: [{ alertName: PostgresDown }]
  steps: [restart it]
`;

const now = () => new Date(Date.now() - 60_000).toISOString();
// A valid request for every write, so that what answers is the auth, not
// the validation. A write missing here fails the test.
const WRITES: Record<
  string,
  (f: Fixtures) => { path?: string; body?: unknown }
> = {
  refreshEntityRunbooks: () => ({
    body: { entityRef: 'component:default/insights-api' },
  }),
  reportBackupEvents: () => ({
    body: {
      events: [
        {
          id: 'sec-1',
          type: 'backup',
          entityRef: 'resource:default/insights-postgres',
          startedAt: now(),
          finishedAt: now(),
          result: 'success',
        },
      ],
    },
  }),
  importBackupToolOutput: () => ({
    path: '/backups/import/restic?entityRef=resource:default/insights-postgres',
    body: [],
  }),
  createPostmortem: () => ({ body: { title: 'Security check' } }),
  updatePostmortem: f => ({
    path: `/postmortems/${f.postmortem}`,
    body: { version: 1, title: 'Changed' },
  }),
  deletePostmortem: f => ({ path: `/postmortems/${f.postmortem}` }),
  declareIncident: () => ({
    body: { title: 'Security check', severity: 'P2' },
  }),
  importIncident: () => ({
    body: {
      externalId: 'sec:1',
      title: 'Imported',
      severity: 'P3',
      status: 'resolved',
      milestones: { started: now() },
    },
  }),
  updateIncident: f => ({
    path: `/incidents/${f.incident}`,
    body: { version: 1, title: 'Changed' },
  }),
  assignIncidentRole: f => ({
    path: `/incidents/${f.incident}/roles`,
    body: { role: 'scribe', user: 'user:default/mallory' },
  }),
  addIncidentNote: f => ({
    path: `/incidents/${f.incident}/notes`,
    body: { text: 'note' },
  }),
  addIncidentStatusUpdate: f => ({
    path: `/incidents/${f.incident}/status-updates`,
    body: { conditions: 'x', actions: 'y' },
  }),
  tickIncidentStep: f => ({
    path: `/incidents/${f.incident}/checklist`,
    body: { runbook: 'default/postgres-down', step: 'steps[0]', done: true },
  }),
  judgeIncidentAlert: f => ({
    path: `/incidents/${f.incident}/alerts/abc123/verdict`,
    body: { verdict: 'noise' },
  }),
  pinIncidentEvent: f => ({
    path: `/incidents/${f.incident}/timeline/1/pin`,
    body: { pinned: true },
  }),
  startIncidentPostmortem: f => ({
    path: `/incidents/${f.incident}/postmortem`,
    body: {},
  }),
  acknowledgeRecoveryViolation: f => ({
    path: `/recovery/violations/${f.violation}/acknowledge`,
    body: { reason: 'Known: the backup moves to the new cluster' },
  }),
  receiveAlertmanagerWebhook: () => ({
    body: {
      version: '4',
      groupKey: '{}:{alertname="Sec"}',
      status: 'firing',
      receiver: 'r',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'Sec' },
          startsAt: now(),
          fingerprint: 'abc123',
        },
      ],
    },
  }),
};

interface Fixtures {
  postmortem: string;
  incident: string;
  violation: string;
}

// The `{name}` of each kind of path: a plan, a runbook, else an entity.
const NAMES: Record<string, string> = {
  'recovery-plans': 'insights-data',
  runbooks: 'postgres-down',
};

// A path of the document with its parameters filled in.
const concrete = (path: string, f: Fixtures) =>
  path
    .replace('{namespace}', 'default')
    .replace('{kind}', 'component')
    .replace('{name}', NAMES[path.split('/')[1]] ?? 'insights-api')
    .replace('{alertName}', 'PostgresDown')
    .replace('{format}', 'restic')
    .replace('{eventId}', '1')
    .replace(
      '{id}',
      path.startsWith('/postmortems') ? f.postmortem : f.incident,
    );

const readUrl = (op: (typeof operations)[number], f: Fixtures) =>
  `/api/reliability${concrete(op.path, f)}${
    op.entityQuery ? '?entityRef=component:default/insights-api' : ''
  }`;

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('every route of the OpenAPI document', () => {
  let server: any;
  let allow = true;
  let fixtures: Fixtures;
  let fixtureEvents: Audited[] = [];
  let fixtureMeta: unknown[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'security-'));

  beforeAll(async () => {
    mkdirSync(join(dir, 'runbooks'));
    writeFileSync(join(dir, 'runbooks', 'plan.yaml'), PLAN);
    writeFileSync(join(dir, 'runbooks', 'postgres-down.yaml'), RUNBOOK);
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'insights-api',
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${join(
            dir,
            'catalog-info.yaml',
          )}`,
          'reliability.io/runbooks': './runbooks',
        },
      },
      spec: { owner: 'platform-team' },
    };
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockImplementation(async requests =>
      requests.map(() => ({
        result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      })),
    );
    // Writes are refused; the catalog stays readable, so that what answers
    // a write is its own permission, not a 404 for what the caller cannot see.
    permissions.authorizeConditional.mockImplementation(
      async requests =>
        requests.map(r => ({
          result:
            allow || r.permission.name === 'catalog.entity.read'
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })) as any,
    );
    const knex = await databases.init('SQLITE_3');
    ({ server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        mockServices.database.factory({ knex }),
        // A request without a token is no one's (the mock's default is a user).
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        permissions.factory,
        // The policy's answer changes between the requests of one caller
        // below: each decision asked for, none kept.
        mockServices.rootConfig.factory({
          data: { reliability: { permissions: { decisionCacheSeconds: 0 } } },
        }),
        recordingAuditorFactory,
        catalogServiceMock.factory({
          entities: [
            entity,
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Resource',
              metadata: { name: 'insights-postgres', namespace: 'default' },
              spec: { owner: 'platform-team' },
            },
          ],
        }),
      ],
    }));
    const user = mockCredentials.user.header();
    await request(server)
      .post('/api/reliability/runbooks/refresh')
      .set('Authorization', user)
      .send({ entityRef: 'component:default/insights-api' });
    const pm = await request(server)
      .post('/api/reliability/postmortems')
      .set('Authorization', user)
      .send({ title: 'Fixture' });
    const incident = await request(server)
      .post('/api/reliability/incidents')
      .set('Authorization', user)
      .send({
        title: 'Fixture',
        severity: 'P2',
        runbooks: ['default/postgres-down'],
      });
    // An open violation of the plan, as the scheduled evaluation opens one.
    const violations = await DatabaseRecoveryViolationStore.create({
      database: mockServices.database({ knex }),
    });
    const { opened } = await violations.reconcile(
      {
        namespace: 'default',
        name: 'insights-data',
        entityRefs: ['component:default/insights-api'],
        document: parse(PLAN),
      },
      [
        {
          component: 'postgres',
          findings: [{ type: 'rpo-breach', detail: 'no backup for 2d' }],
        } as ComponentRecoveryStatus,
      ],
      new Date(),
    );
    fixtures = {
      postmortem: pm.body.id,
      incident: incident.body.id,
      violation: String(opened[0].id),
    };
    fixtureEvents = [...audited];
    fixtureMeta = [...auditedMeta];
  });

  it('has every write listed here, and its fixtures', () => {
    expect(fixtures.postmortem).toBeDefined();
    expect(fixtures.incident).toBeDefined();
    expect(fixtures.violation).toMatch(/^\d+$/);
    const writes = operations.filter(o => o.method !== 'get').map(o => o.id);
    expect(writes.filter(id => !WRITES[id])).toEqual([]);
    expect(Object.keys(WRITES).filter(id => !writes.includes(id))).toEqual([]);
  });

  it('answers 401 without credentials, except the health check and the schemas', async () => {
    const before = audited.length;
    for (const op of operations) {
      const { path, body } =
        op.method === 'get'
          ? { path: undefined, body: undefined }
          : WRITES[op.id](fixtures);
      const url = `/api/reliability${path ?? concrete(op.path, fixtures)}`;
      const answer = await (request(server) as any)
        [op.method](url)
        .send(body as object);
      expect([op.id, answer.status]).toEqual([op.id, op.public ? 200 : 401]);
    }
    // Nobody to name: nothing for the audit log.
    expect(audited.length).toBe(before);
  });

  it('answers 403 to every write without permission, and nothing changes', async () => {
    const before = (
      await request(server)
        .get(`/api/reliability/incidents/${fixtures.incident}`)
        .set('Authorization', mockCredentials.user.header())
    ).body;
    allow = false;
    audited.length = 0;
    const wanted: Audited[] = [];
    try {
      for (const op of operations.filter(o => o.method !== 'get')) {
        const { path, body } = WRITES[op.id](fixtures);
        const url = `/api/reliability${path ?? concrete(op.path, fixtures)}`;
        // The machine routes take service tokens; the others people's.
        const machine = [
          'reportBackupEvents',
          'importBackupToolOutput',
          'receiveAlertmanagerWebhook',
          'importIncident',
        ].includes(op.id);
        const answer = await (request(server) as any)
          [op.method](url)
          .set(
            'Authorization',
            machine
              ? mockCredentials.service.header()
              : mockCredentials.user.header(),
          )
          .send(body as object);
        expect([op.id, answer.status]).toEqual([op.id, 403]);
        wanted.push({
          eventId: kebab(op.id),
          severityLevel: op.id.startsWith('import') ? 'high' : 'medium',
          actor: machine ? 'external:test-service' : 'user:default/mock',
          outcome: 'failed',
          status: 403,
        });
      }
    } finally {
      allow = true;
    }
    // Every write is in the audit log once, with its caller and outcome.
    expect(audited).toEqual(wanted);
    const after = (
      await request(server)
        .get(`/api/reliability/incidents/${fixtures.incident}`)
        .set('Authorization', mockCredentials.user.header())
    ).body;
    expect(after).toEqual(before);
    const open = await request(server)
      .get('/api/reliability/recovery/violations')
      .set('Authorization', mockCredentials.user.header());
    expect(open.body.items).toEqual([
      expect.objectContaining({ id: Number(fixtures.violation) }),
    ]);
    expect(open.body.items[0].acknowledgement).toBeUndefined();
    expect(
      (
        await request(server)
          .get('/api/reliability/incidents')
          .set('Authorization', mockCredentials.user.header())
      ).body.items,
    ).toHaveLength(1);
  });

  it('names in each audit event what was written and the entities it is about', () => {
    expect(fixtureMeta).toEqual([
      {
        path: '/runbooks/refresh',
        entityRefs: ['component:default/insights-api'],
      },
      { path: '/postmortems' },
      { path: '/incidents' },
    ]);
  });

  it('audits the writes that succeed as succeeded, and reads not at all', async () => {
    expect(fixtureEvents).toEqual([
      {
        eventId: 'refresh-entity-runbooks',
        severityLevel: 'medium',
        actor: 'user:default/mock',
        outcome: 'succeeded',
        status: 200,
      },
      {
        eventId: 'create-postmortem',
        severityLevel: 'medium',
        actor: 'user:default/mock',
        outcome: 'succeeded',
        status: 201,
      },
      {
        eventId: 'declare-incident',
        severityLevel: 'medium',
        actor: 'user:default/mock',
        outcome: 'succeeded',
        status: 201,
      },
    ]);
  });

  it("never shows a path of the server's disk in what it reads", async () => {
    for (const op of operations.filter(o => o.method === 'get')) {
      const url = readUrl(op, fixtures);
      const answer = await request(server)
        .get(url)
        .set('Authorization', mockCredentials.user.header());
      expect([
        op.id,
        answer.text.includes(dir),
        answer.text.includes(tmpdir()),
      ]).toEqual([op.id, false, false]);
    }
  });
  it('fetches no URL and reads no file a caller names', async () => {
    // Every URL a write accepts (links, trackers, Alertmanager's URLs and
    // annotations) points at a server that counts what reaches it.
    let hits = 0;
    const canary = createServer((_req, res) => {
      hits += 1;
      res.end('root:x:0:0:canary');
    });
    await new Promise<void>(r => canary.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/x`;
    const user = mockCredentials.user.header();
    const service = mockCredentials.service.header();
    const writes: Array<[string, unknown, string]> = [
      [
        '/postmortems',
        {
          title: 'Links',
          timeline: [{ at: now(), event: 'graph', link: url }],
          actionItems: [{ title: 'fix', type: 'prevent', trackerUrl: url }],
        },
        user,
      ],
      [
        '/incidents',
        { title: 'Links', severity: 'P3', links: [{ url }] },
        user,
      ],
      [
        '/webhooks/alertmanager',
        {
          version: '4',
          groupKey: '{}:{alertname="Canary"}',
          status: 'firing',
          receiver: 'r',
          externalURL: url,
          commonAnnotations: { runbook_url: url },
          alerts: [
            {
              status: 'firing',
              labels: { alertname: 'Canary' },
              annotations: { runbook_url: url, dashboard: url },
              startsAt: now(),
              generatorURL: url,
              fingerprint: 'cafe01',
            },
          ],
        },
        service,
      ],
    ];
    try {
      const answers: string[] = [];
      for (const [path, body, auth] of writes) {
        const answer = await request(server)
          .post(`/api/reliability${path}`)
          .set('Authorization', auth)
          .send(body as object);
        expect([
          path,
          answer.status,
          answer.status < 300 || answer.text,
        ]).toEqual([path, path.startsWith('/webhooks') ? 200 : 201, true]);
        answers.push(answer.text);
      }
      // And what is read back afterwards.
      for (const path of ['/incidents', '/postmortems']) {
        const list = await request(server)
          .get(`/api/reliability${path}`)
          .set('Authorization', user);
        for (const item of list.body.items) {
          const one = await request(server)
            .get(`/api/reliability${path}/${item.reference ?? item.id}`)
            .set('Authorization', user);
          answers.push(one.text);
        }
      }
      // Scheduled work (notifications, evaluation) gets its moment too.
      await new Promise(r => setTimeout(r, 500));
      expect(hits).toBe(0);
      expect(answers.filter(a => a.includes('root:x:0:0'))).toEqual([]);
      // A file: URL is not a link at all.
      const file = await request(server)
        .post('/api/reliability/incidents')
        .set('Authorization', user)
        .send({
          title: 'File',
          severity: 'P3',
          links: [{ url: 'file:///etc/passwd' }],
        });
      expect(file.status).toBe(400);
      // The canary does count what reaches it.
      await fetch(url);
      expect(hits).toBe(1);
    } finally {
      canary.close();
    }
  });
});
