import {
  coreServices,
  createBackendModule,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import reliabilityPlugin from '@reliability-suite/plugin-reliability-backend';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import {
  type AddressInfo,
  connect,
  createServer as createTcpServer,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import reliabilityModulePrometheus, { PrometheusRuleSource } from '.';

// A real Prometheus (Debian's `prometheus` package) loaded with a rules file
// holding a covered rule (a runbook's trigger names it), an uncovered one,
// one whose runbook_url is a dead link into the portal, one linking a wiki,
// and two covered by their link alone: a runbook page and an alert landing
// page of this portal.
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const PORTAL = 'http://portal.test';
jest.setTimeout(60_000);

const RULES = `groups:
  - name: insights-api
    rules:
      - alert: InsightsApiDown
        expr: vector(1) == 0
        labels: { severity: critical, service: insights-api }
        annotations:
          summary: The API answers nothing
          runbook_url: ${PORTAL}/reliability/alerts/{{ $labels.alertname }}?service={{ $labels.service }}
      - alert: InsightsApiLatencyHigh
        expr: vector(1) == 0
        labels: { service: insights-api }
      - alert: InsightsDiskFull
        expr: vector(1) == 0
        labels: { service: insights-api }
        annotations:
          runbook_url: ${PORTAL}/reliability/runbooks/default/no-such-runbook
      - alert: InsightsCertExpiring
        expr: vector(1) == 0
        labels: { service: insights-api }
        annotations:
          runbook_url: https://wiki.example.com/display/SRE/Certificates
      - alert: InsightsQueueBacklog
        expr: vector(1) == 0
        labels: { service: insights-api }
        annotations:
          runbook_url: ${PORTAL}/reliability/runbooks/default/queue-backlog
      - alert: InsightsApiDownEverywhere
        expr: vector(1) == 0
        labels: { service: insights-api }
        annotations:
          runbook_url: ${PORTAL}/reliability/alerts/InsightsApiDown
      - record: job:up:sum
        expr: sum(up)
`;

const RUNBOOKS = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: api-down, title: Insights API down }
spec:
  entityRefs: [component:insights-api]
  severity: P1
  triggers:
    - alertName: InsightsApiDown
      labels: { severity: critical }
    - alertName: InsightsApiGone
  steps:
    - title: Check the pods
      run: kubectl -n insights get pods
---
apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: queue-backlog, title: Queue backlog }
spec:
  entityRefs: [component:insights-api]
  severity: P3
  steps:
    - title: Scale the workers
      run: kubectl -n insights scale deploy/workers --replicas=6
`;

let prometheus: ChildProcess;
let baseUrl: string;

/**
 * The backend reads Prometheus through this TCP gate. Closed, it answers
 * nothing: a new connection is held, and on a kept-alive one the request
 * still reaches Prometheus but its answer is dropped. A server that stopped
 * answering, which stopping the Prometheus process with SIGSTOP did not
 * always give (one CI run read the rules while it was "stopped").
 */
async function startGate(target: number) {
  let open = true;
  const sockets = new Set<Socket>();
  const server = createTcpServer(client => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (!open) return; // held: no answer, ever
    const upstream = connect(target, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.on('data', chunk => {
      if (open) client.write(chunk);
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      open = false;
    },
    /** Open again, without the connections that lost their answers. */
    open() {
      open = true;
      for (const s of sockets) s.destroy();
    },
    stop: () =>
      new Promise<void>(r => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

async function freePort() {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise(r => server.close(r));
  return port;
}

beforeAll(async () => {
  if (!existsSync(PROMETHEUS)) {
    throw new Error(
      `These tests need a real Prometheus: apt-get install -y prometheus (or set PROMETHEUS_BIN); ${PROMETHEUS} is not there`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-rules-'));
  writeFileSync(join(dir, 'rules.yml'), RULES);
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global: { evaluation_interval: 1s }
rule_files: [${JSON.stringify(join(dir, 'rules.yml'))}]
`,
  );
  mkdirSync(join(dir, 'data'));
  const port = await freePort();
  prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  baseUrl = `http://127.0.0.1:${port}`;
  // Until its rules API answers with the rules loaded.
  for (let i = 0; i < 200; i++) {
    const groups = await fetch(`${baseUrl}/api/v1/rules`)
      .then(r => r.json())
      .then(b => b.data?.groups ?? [])
      .catch(() => []);
    if (groups.length) return;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error('Prometheus never loaded the rules');
});

const gates: Array<{ stop(): Promise<void> }> = [];

afterAll(async () => {
  await Promise.all(gates.map(g => g.stop()));
  prometheus?.kill('SIGTERM');
});

describe('PrometheusRuleSource against a real Prometheus', () => {
  it('reads every alerting rule with its group, labels and runbook_url, and leaves recording rules out', async () => {
    const source = PrometheusRuleSource.fromConfig(
      new ConfigReader({ id: 'test', baseUrl }),
    );
    expect(source.id).toBe('prometheus:test');
    const rules = await source.read();
    expect(rules.map(r => r.name)).toEqual([
      'InsightsApiDown',
      'InsightsApiLatencyHigh',
      'InsightsDiskFull',
      'InsightsCertExpiring',
      'InsightsQueueBacklog',
      'InsightsApiDownEverywhere',
    ]);
    expect(rules[0]).toEqual({
      name: 'InsightsApiDown',
      group: 'insights-api',
      labels: { severity: 'critical', service: 'insights-api' },
      summary: 'The API answers nothing',
      // As the rule file has it: Prometheus fills the templates in alerts.
      runbookUrl: `${PORTAL}/reliability/alerts/{{ $labels.alertname }}?service={{ $labels.service }}`,
      file: expect.stringMatching(/rules\.yml$/),
    });
  });

  it('fails, saying so, when the server is not a rules API', async () => {
    const source = new PrometheusRuleSource({
      id: 'wrong',
      baseUrl: `${baseUrl}/graph`,
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 1 } },
    });
    await expect(source.read()).rejects.toThrow(/answered 404|did not answer/);
  });
});

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'alert coverage in a backend on %s',
  databaseId => {
    it('lists exactly the uncovered alerts and dead triggers; portal links count, a wiki link does not; a source that goes down keeps its rules', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
      mkdirSync(join(dir, 'runbooks'));
      writeFileSync(join(dir, 'runbooks', 'insights-api.yaml'), RUNBOOKS);
      let scheduler: SchedulerService | undefined;
      const knex = await databases.init(databaseId);
      const gate = await startGate(Number(new URL(baseUrl).port));
      gates.push(gate);
      const sources = [
        {
          id: 'test',
          baseUrl: gate.url,
          schedule: { frequency: { hours: 1 }, timeout: { seconds: 2 } },
        },
      ];
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          reliabilityModulePrometheus,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: PORTAL },
              reliability: { alerts: { prometheus: sources } },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: {
                  name: 'insights-api',
                  annotations: {
                    'backstage.io/managed-by-location': `file:${join(
                      dir,
                      'catalog-info.yaml',
                    )}`,
                    'reliability.io/runbooks': './runbooks',
                  },
                },
                spec: { owner: 'platform-team' },
              },
            ],
          }),
          // Tasks run only when the test triggers them, and a trigger returns
          // when the run is over: no read at startup to race with.
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          createBackendModule({
            pluginId: 'reliability',
            moduleId: 'test-scheduler',
            register(reg) {
              reg.registerInit({
                deps: { s: coreServices.scheduler },
                async init({ s }) {
                  scheduler = s;
                },
              });
            },
          }),
        ],
      });
      await request(server)
        .post('/api/reliability/runbooks/refresh')
        .send({ entityRef: 'component:default/insights-api' });
      const coverage = async () =>
        (
          await request(server).get(
            '/api/reliability/alerts/coverage?entityRef=component:default/insights-api',
          )
        ).body;

      await scheduler!.triggerTask('reliability-alert-rules:prometheus:test');
      const first = await coverage();
      expect(first.sources).toEqual([
        expect.objectContaining({ id: 'prometheus:test', rules: 6 }),
      ]);
      const verdicts = Object.fromEntries(
        first.alerts.map((a: any) => [
          a.rule.name,
          [a.covered, a.link, a.runbooks.map((r: any) => r.name)],
        ]),
      );
      expect(verdicts).toEqual({
        InsightsApiDown: [true, 'runbook', ['api-down']],
        InsightsApiLatencyHigh: [false, 'missing', []],
        InsightsDiskFull: [false, 'dead-link', []],
        InsightsCertExpiring: [false, 'foreign', []],
        InsightsQueueBacklog: [true, 'runbook', []],
        InsightsApiDownEverywhere: [true, 'runbook', []],
      });
      // Every alert is the service's: by its runbook, or by its service label.
      for (const alert of first.alerts) {
        expect(alert.entityRefs).toEqual(['component:default/insights-api']);
        expect(alert.owners).toEqual(['group:default/platform-team']);
      }
      expect(first.deadTriggers).toEqual([
        {
          runbook: {
            namespace: 'default',
            name: 'api-down',
            title: 'Insights API down',
          },
          alertName: 'InsightsApiGone',
          entityRefs: ['component:default/insights-api'],
        },
      ]);
      expect(first.totals).toEqual({
        alerts: 6,
        covered: 3,
        badLinks: 2,
        deadTriggers: 1,
      });

      // The trend: today's coverage by owner, counted by the hourly task.
      await scheduler!.triggerTask('reliability-alert-coverage-snapshot');
      const history = async () =>
        (await request(server).get('/api/reliability/alerts/coverage/history'))
          .body.items;
      const today = new Date().toISOString().slice(0, 10);
      expect(await history()).toEqual([
        { day: today, owner: '*', alerts: 6, covered: 3 },
        {
          day: today,
          owner: 'group:default/platform-team',
          alerts: 6,
          covered: 3,
        },
      ]);

      // The server stops answering: the read runs out of time, and the
      // rules are kept, with the error and when it happened.
      gate.close();
      try {
        await scheduler!.triggerTask('reliability-alert-rules:prometheus:test');
      } finally {
        gate.open();
      }
      const down = await coverage();
      expect(down.sources[0]).toMatchObject({
        lastSuccessAt: first.sources[0].lastSuccessAt,
        lastError: expect.stringMatching(/timeout/i),
        rules: 6,
      });
      expect(down.sources[0].lastRunAt > first.sources[0].lastRunAt).toBe(true);
      expect(down.alerts).toEqual(first.alerts);
    });
  },
);
