/*
 * npm run bench: how fast runbooks are parsed, stored and looked up, each
 * beside a baseline measured in the same run on the same machine:
 * - parsing + validation vs a plain YAML parse of the same text;
 * - an index pass (one transaction) vs inserting the same rows bare;
 * - the alert lookup and the per-entity list vs the database's own
 *   round-trip floor (`select 1`), from the database and held in memory.
 * Runs on SQLite (a file under a temp folder) and, when
 * RELIABILITY_BENCH_PG (a connection string) is set, on PostgreSQL too.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { parseRunbookFile } from '@reliability-suite/plugin-reliability-common';
import knexFactory, { type Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { DatabaseRunbookStore } from '../src/runbooks/DatabaseRunbookStore';

const RUNBOOKS = Number(process.env.BENCH_RUNBOOKS ?? 500);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1000);

function runbookYaml(i: number): string {
  return `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: runbook-${i}
  title: Service ${i} is down
spec:
  entityRefs: [component:default/service-${i % 50}, resource:default/db-${
    i % 10
  }]
  owner: group:team-${i % 7}
  severity: P${(i % 4) + 1}
  category: backend
  summary: The service does not answer; users see errors on every page.
  impact: Requests fail until the pods are back.
  symptoms:
    - 5xx on every request
    - Pods in CrashLoopBackOff
  triggers:
    - alertName: Alert${i % 100}
      labels: { namespace: ns-${i % 5} }
  diagnosis:
    - run: kubectl get pods -n ns-${i % 5}
    - run: kubectl logs deploy/service-${i} -n ns-${i % 5} --tail=200
  immediateActions:
    - run: kubectl rollout restart deploy/service-${i} -n ns-${i % 5}
    - verify: curl -sf https://service-${i}.example/health
      expect: HTTP 200
  recovery:
    - Check the dashboards for **five minutes** before closing.
  escalation: { contacts: [group:sre-team], after: 30m }
  review: { lastReviewed: '2026-10-01', intervalDays: 90 }
`;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

async function timeAsync<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

const rows: string[][] = [];
function report(
  what: string,
  ms: number,
  ops: number,
  baselineMs: number,
  baseline: string,
) {
  rows.push([
    what,
    `${(ms / ops).toFixed(3)} ms`,
    `${Math.round((ops / ms) * 1000)}/s`,
    baseline,
    `${(baselineMs / ops).toFixed(3)} ms`,
    `${(ms / baselineMs).toFixed(1)}×`,
  ]);
}

async function benchDatabase(label: string, knex: Knex) {
  // The database path: nothing held in memory (the cached reads are
  // measured below, beside it).
  const store = await DatabaseRunbookStore.create({
    database: mockServices.database({ knex }),
    readCache: { maxEntries: 0 },
  });
  const cached = await DatabaseRunbookStore.create({
    database: mockServices.database({ knex }),
  });
  const parsed = Array.from(
    { length: RUNBOOKS },
    (_, i) =>
      parseRunbookFile(runbookYaml(i), { file: `runbooks/rb-${i}.yaml` })
        .runbooks[0],
  );
  const location = { id: 'bench', source: 'config' as const, target: 'bench' };
  const index = await timeAsync(() =>
    store.replaceLocation(location, {
      runbooks: parsed.map(p => ({
        document: p.document,
        sourceUrl: p.file,
        sourceLine: p.line,
      })),
      problems: [],
      failedFiles: [],
      at: new Date(),
    }),
  );
  // Baseline: the same rows, inserted bare into a scratch table.
  await knex.schema.dropTableIfExists('bench_bare');
  await knex.schema.createTable('bench_bare', t => {
    t.string('name').primary();
    t.text('document');
  });
  const bare = await timeAsync(async () => {
    await knex.transaction(async tx => {
      for (let i = 0; i < parsed.length; i += 200) {
        await tx('bench_bare').insert(
          parsed.slice(i, i + 200).map(p => ({
            name: p.document.metadata.name,
            document: JSON.stringify(p.document),
          })),
        );
      }
    });
  });
  report(
    `${label}: index pass of ${RUNBOOKS} runbooks (per runbook)`,
    index.ms,
    RUNBOOKS,
    bare.ms,
    'bare insert of the same rows',
  );

  const floor = await timeAsync(async () => {
    for (let i = 0; i < LOOKUPS; i++) await knex.raw('select 1');
  });
  for (const [kind, lookupStore] of [
    ['', store],
    [' (held in memory)', cached],
  ] as const) {
    const byAlert = await timeAsync(async () => {
      for (let i = 0; i < LOOKUPS; i++) {
        await lookupStore.findByAlert(`Alert${i % 100}`, {
          namespace: `ns-${i % 5}`,
        });
      }
    });
    report(
      `${label}: GET by-alert lookup${kind}`,
      byAlert.ms,
      LOOKUPS,
      floor.ms,
      'select 1 round trip',
    );
    const perEntity = await timeAsync(async () => {
      for (let i = 0; i < LOOKUPS; i++) {
        await lookupStore.listRunbooks({
          entityRef: `component:default/service-${i % 50}`,
        });
      }
    });
    report(
      `${label}: runbooks of one entity (${RUNBOOKS / 50} each)${kind}`,
      perEntity.ms,
      LOOKUPS,
      floor.ms,
      'select 1 round trip',
    );
  }
  await knex.schema.dropTableIfExists('bench_bare');
}

async function main() {
  const texts = Array.from({ length: RUNBOOKS }, (_, i) => runbookYaml(i));
  const plain = time(() =>
    texts.map(t => parseAllDocuments(t).map(d => (d as any).toJS())),
  );
  const full = time(() =>
    texts.map((t, i) =>
      parseRunbookFile(t, {
        file: `rb-${i}.yaml`,
        severities: ['P1', 'P2', 'P3', 'P4'],
      }),
    ),
  );
  const problems = full.result.reduce((n, r) => n + r.problems.length, 0);
  if (problems > 0)
    throw new Error(`benchmark runbooks have ${problems} problems`);
  report(
    `parse + validate ${RUNBOOKS} runbook files`,
    full.ms,
    RUNBOOKS,
    plain.ms,
    'plain YAML parse',
  );

  const dir = mkdtempSync(join(tmpdir(), 'reliability-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await benchDatabase('SQLite', sqlite);
  } finally {
    await sqlite.destroy();
    rmSync(dir, { recursive: true, force: true });
  }

  if (process.env.RELIABILITY_BENCH_PG) {
    const admin = knexFactory({
      client: 'pg',
      connection: process.env.RELIABILITY_BENCH_PG,
    });
    const db = `reliability_bench_${process.pid}`;
    await admin.raw(`create database ${db}`);
    const pg = knexFactory({
      client: 'pg',
      connection: `${process.env.RELIABILITY_BENCH_PG.replace(
        /\/$/,
        '',
      )}/${db}`,
    });
    try {
      await benchDatabase('PostgreSQL', pg);
    } finally {
      await pg.destroy();
      await admin.raw(`drop database ${db}`);
      await admin.destroy();
    }
  }

  const header = [
    'what',
    'per op',
    'rate',
    'baseline',
    'baseline per op',
    'vs baseline',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(
    `\n${RUNBOOKS} runbooks, ${LOOKUPS} lookups; node ${
      process.version
    }; ${new Date().toISOString()}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
