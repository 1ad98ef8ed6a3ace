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
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import reliabilityPlugin from '@reliability-suite/plugin-reliability-backend';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import reliabilityModulePrometheus, { PrometheusBackupSource } from '.';

// A real Prometheus (Debian's `prometheus` package) scraping a textfile-style
// target on 127.0.0.1 that this test serves, with the metrics people export
// today: kube-state-metrics' CronJob last success, seed 002's drill metrics,
// and the pgBackRest exporter's backup age.
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
jest.setTimeout(60_000);

const nowSeconds = () => Math.round(Date.now() / 1000);
let metrics = () => '';
function setMetrics(values: {
  cronjobSuccess: number;
  drillRun: number;
  drillSuccess?: number;
  drillRestore: number;
  /** When pgBackRest's last full finished: the exporter gives its age. */
  pgbackrestFinished: number;
}) {
  // Like the exporter: the age is measured when Prometheus scrapes.
  metrics = () => `# TYPE kube_cronjob_status_last_successful_time gauge
kube_cronjob_status_last_successful_time{namespace="insights",cronjob="vault-snapshot"} ${
    values.cronjobSuccess
  }
# TYPE backup_drill_last_run_timestamp_seconds gauge
backup_drill_last_run_timestamp_seconds{component="vault"} ${values.drillRun}
${
  values.drillSuccess === undefined
    ? ''
    : `# TYPE backup_drill_success gauge
backup_drill_success{component="vault"} ${values.drillSuccess}
`
}# TYPE backup_drill_restore_seconds gauge
backup_drill_restore_seconds{component="vault"} ${values.drillRestore}
# TYPE pgbackrest_backup_since_last_completion_seconds gauge
pgbackrest_backup_since_last_completion_seconds{stanza="main",backup_type="full"} ${
    Date.now() / 1000 - values.pgbackrestFinished
  }
`;
}

const listen = (server: Server) =>
  new Promise<number>(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve((server.address() as AddressInfo).port),
    ),
  );
async function freePort() {
  const server = createServer();
  const port = await listen(server);
  await new Promise(r => server.close(r));
  return port;
}

let target: Server;
let prometheus: ChildProcess;
let baseUrl: string;

async function query(expr: string) {
  const response = await fetch(
    `${baseUrl}/api/v1/query?query=${encodeURIComponent(expr)}`,
  );
  return (await response.json()).data?.result ?? [];
}

// Waits until a series is gone (stale) from Prometheus.
async function waitGone(expr: string) {
  for (let i = 0; i < 200; i++) {
    if ((await query(expr).catch(() => [1])).length === 0) return;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`Prometheus still shows ${expr}`);
}

// Waits until Prometheus has scraped the current metrics.
async function scraped(expr: string, value: number) {
  for (let i = 0; i < 200; i++) {
    const [series] = await query(expr).catch(() => []);
    if (series && Number(series.value[1]) === value) return;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`Prometheus never showed ${expr} == ${value}`);
}

beforeAll(async () => {
  if (!existsSync(PROMETHEUS)) {
    throw new Error(
      `These tests need a real Prometheus: apt-get install -y prometheus (or set PROMETHEUS_BIN); ${PROMETHEUS} is not there`,
    );
  }
  target = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(metrics());
  });
  const targetPort = await listen(target);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-'));
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global: { scrape_interval: 1s, evaluation_interval: 1s }
scrape_configs:
  - job_name: backups
    static_configs: [{ targets: ['127.0.0.1:${targetPort}'] }]
`,
  );
  mkdirSync(join(dir, 'data'));
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
});

afterAll(async () => {
  prometheus?.kill('SIGTERM');
  await new Promise(r => (target ? target.close(r) : r(undefined)));
});

const mappings = [
  {
    entityRef: 'resource:default/insights-vault',
    job: 'raft-snapshot',
    lastSuccessTime:
      'kube_cronjob_status_last_successful_time{namespace="insights",cronjob="vault-snapshot"}',
  },
  {
    entityRef: 'resource:default/insights-vault',
    type: 'drill',
    lastSuccessTime:
      'backup_drill_last_run_timestamp_seconds{component="vault"}',
    success: 'backup_drill_success{component="vault"}',
    restoreSeconds: 'backup_drill_restore_seconds{component="vault"}',
  },
  {
    entityRef: 'resource:default/insights-postgres',
    job: 'full',
    ageSeconds:
      'pgbackrest_backup_since_last_completion_seconds{stanza="main",backup_type="full"}',
  },
  {
    entityRef: 'resource:default/insights-postgres',
    type: 'drill',
    lastSuccessTime: 'no_such_metric',
  },
];
const config = (extra: object = {}) => ({
  reliability: {
    backups: {
      prometheus: [
        {
          id: 'test',
          baseUrl: '',
          schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
          mappings,
          ...extra,
        },
      ],
    },
  },
});

describe('PrometheusBackupSource against a real Prometheus', () => {
  it('turns last-success times, ages and drill results into events', async () => {
    const now = nowSeconds();
    setMetrics({
      cronjobSuccess: now - 7200,
      drillRun: now - 86400,
      drillSuccess: 1,
      drillRestore: 540,
      pgbackrestFinished: now - 3600,
    });
    await scraped('backup_drill_restore_seconds', 540);
    const { ConfigReader } = require('@backstage/config');
    const source = PrometheusBackupSource.fromConfig(
      new ConfigReader(config({ baseUrl }).reliability.backups.prometheus[0]),
      { logger: mockServices.logger.mock() },
    );
    expect(source.id).toBe('prometheus:test');
    const { events, notes } = await source.collect({ now: new Date() });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'backup',
        entityRef: 'resource:default/insights-vault',
        job: 'raft-snapshot',
        finishedAt: new Date((now - 7200) * 1000).toISOString(),
        result: 'success',
        tool: 'prometheus',
      }),
      expect.objectContaining({
        type: 'drill',
        result: 'success',
        restoreSeconds: 540,
        finishedAt: new Date((now - 86400) * 1000).toISOString(),
      }),
      expect.objectContaining({
        type: 'backup',
        entityRef: 'resource:default/insights-postgres',
        job: 'full',
        // From its age, counted back from the scrape that measured it.
        finishedAt: new Date((now - 3600) * 1000).toISOString(),
        result: 'success',
      }),
    ]);
    expect(notes).toEqual([
      'resource:default/insights-postgres drill: no data',
    ]);
    // Asked again after more scrapes, with no new backup: the same events,
    // the one read from an age too (no new "success" at every collection).
    await new Promise(r => setTimeout(r, 2500));
    const again = await source.collect({ now: new Date() });
    expect(again.events.map(e => e.id)).toEqual(events.map(e => e.id));
  });

  it('does not count a drill that ran as passed when whether it passed is unknown', async () => {
    const now = nowSeconds();
    setMetrics({
      cronjobSuccess: now - 7200,
      drillRun: now - 600,
      drillRestore: 300,
      pgbackrestFinished: now - 3600,
    });
    await scraped('backup_drill_restore_seconds', 300);
    await waitGone('backup_drill_success');
    const { ConfigReader } = require('@backstage/config');
    const source = PrometheusBackupSource.fromConfig(
      new ConfigReader(config({ baseUrl }).reliability.backups.prometheus[0]),
      { logger: mockServices.logger.mock() },
    );
    const { events, notes } = await source.collect({ now: new Date() });
    expect(events.filter(e => e.type === 'drill')).toEqual([]);
    expect(notes).toEqual([
      `resource:default/insights-vault drill: ran ${new Date(
        (now - 600) * 1000,
      ).toISOString()}, no data on whether it passed`,
      'resource:default/insights-postgres drill: no data',
    ]);
  });

  it('says which query failed when Prometheus refuses it', async () => {
    const { ConfigReader } = require('@backstage/config');
    const source = PrometheusBackupSource.fromConfig(
      new ConfigReader({
        id: 'bad',
        baseUrl,
        mappings: [{ entityRef: 'resource:x', lastSuccessTime: 'sum(' }],
      }),
      { logger: mockServices.logger.mock() },
    );
    await expect(source.collect({ now: new Date() })).rejects.toThrow(
      /^Prometheus bad answered 400 to sum\(: .*parse error/,
    );
  });
});

const databases = TestDatabases.create();
// The snapshot's daily run: 12 hours before the hour the test runs in, so
// that the snapshot of 3 hours ago is on schedule at any hour (a fixed
// 02:00 made it a missed run when the test ran between 02:00 and 05:00).
const SNAPSHOT_HOUR = (new Date().getUTCHours() + 12) % 24;
const PLAN = `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: insights-secrets }
spec:
  components:
    - name: vault
      entityRef: resource:insights-vault
      rpo: 1d
      rto: 15m
      backups: [{ name: raft-snapshot, schedule: 0 ${SNAPSHOT_HOUR} * * * }]
      drill: { cadence: 30d }
    - name: postgres
      entityRef: resource:insights-postgres
      rpo: 15m
`;

describe.each(databases.eachSupportedId())(
  'the module in a backend on %s',
  databaseId => {
    it('reads the Prometheus on the schedule and the plan is judged by it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'prometheus-plan-'));
      mkdirSync(join(dir, 'runbooks'));
      writeFileSync(join(dir, 'runbooks', 'plan.yaml'), PLAN);
      const now = nowSeconds();
      setMetrics({
        cronjobSuccess: now - 3 * 3600,
        drillRun: now - 2 * 86400,
        drillSuccess: 0,
        drillRestore: 1200,
        pgbackrestFinished: now - 7200,
      });
      await scraped('backup_drill_restore_seconds', 1200);

      let scheduler: SchedulerService | undefined;
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          reliabilityModulePrometheus,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: config({ baseUrl }) }),
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
      const sources = async () =>
        (await request(server).get('/api/reliability/backups/sources')).body
          .sources;
      await scheduler!.triggerTask('reliability-backup-source:prometheus:test');
      expect((await sources())[0]).toMatchObject({
        id: 'prometheus:test',
        lastEvents: 3,
        lastAccepted: 3,
        notes: ['resource:default/insights-postgres drill: no data'],
      });
      const status = (
        await request(server).get(
          '/api/reliability/recovery-plans/default/insights-secrets',
        )
      ).body.status;
      expect(status.components).toEqual([
        expect.objectContaining({
          component: 'vault',
          // The last drill reported success=0.
          state: 'violated',
          backup: expect.objectContaining({ state: 'ok', tool: 'prometheus' }),
          drill: expect.objectContaining({
            lastResult: 'failure',
            restoreSeconds: 1200,
          }),
        }),
        expect.objectContaining({
          component: 'postgres',
          // Two hours since pgBackRest's last full: older than the RPO.
          state: 'violated',
        }),
      ]);
    });
  },
);
