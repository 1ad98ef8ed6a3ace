/*
 * npm run bench: a runbook's statistics (GET /runbooks/{ns}/{name}/statistics)
 * when 1,000 incidents used it, beside the database's floor in the same
 * run: counting the same step outcomes bare. On SQLite (a file) and, with
 * RELIABILITY_BENCH_PG, on PostgreSQL.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { incidentImportSchema } from '@reliability-suite/plugin-reliability-common';
import knexFactory, { type Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseIncidentStore } from '../src/incidents/DatabaseIncidentStore';

const INCIDENTS = Number(process.env.BENCH_STEP_INCIDENTS ?? 1000);
const ROUNDS = 20;
const RUNBOOK = 'default/postgres-down';
const OUTCOMES = ['done', 'done', 'failed', 'skipped', 'unhelpful'] as const;

const medianOf = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return medianOf(times);
}

async function benchDatabase(name: string, knex: Knex) {
  const store = await DatabaseIncidentStore.create({
    database: mockServices.database({ knex }),
    severities: [
      { id: 'P1', label: 'P1', rank: 1 } as any,
      { id: 'P2', label: 'P2', rank: 2 } as any,
    ],
    maxNotes: 100,
  });
  const start = Date.now() - INCIDENTS * 3600_000;
  const at = (minutes: number, n: number) =>
    new Date(start + n * 3600_000 + minutes * 60_000).toISOString();
  const loadStart = performance.now();
  for (let n = 0; n < INCIDENTS; n++) {
    const input = incidentImportSchema.parse({
      externalId: `bench:${n}`,
      title: `PostgreSQL down ${n}`,
      severity: 'P2',
      status: 'resolved',
      entityRefs: ['resource:default/insights-postgres'],
      runbooks: [RUNBOOK],
      milestones: {
        started: at(0, n),
        mitigated: at(30, n),
        resolved: at(45, n),
      },
      checklist: [0, 1, 2, 3, 4, 5].map(k => ({
        runbook: RUNBOOK,
        step: `steps[${k}]`,
        outcome: OUTCOMES[(n + k) % OUTCOMES.length],
        by: 'user:default/alice',
        at: at(5 + k * 4, n),
      })),
    });
    await store.importIncident(
      {
        ...input,
        runbookTitles: [{ namespace: 'default', name: 'postgres-down' }],
        linkedOwners: [],
      },
      { ref: 'user:default/bench', source: 'api', at: new Date() },
    );
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const stats = await store.runbookStatistics(RUNBOOK, [
    'resource:default/insights-postgres',
  ]);
  if (stats.incidents !== INCIDENTS) {
    throw new Error(`statistics over ${stats.incidents} incidents`);
  }
  const ms = await timed(() =>
    store.runbookStatistics(RUNBOOK, ['resource:default/insights-postgres']),
  );
  const floor = await timed(() =>
    knex('reliability_incident_ticks')
      .where({ runbook: RUNBOOK })
      .groupBy('step', 'outcome')
      .select('step', 'outcome')
      .count({ n: '*' }),
  );
  return [
    `${name}: statistics of a runbook used in ${INCIDENTS.toLocaleString(
      'en-US',
    )} incidents (${(INCIDENTS * 6).toLocaleString(
      'en-US',
    )} step outcomes; loaded in ${loadSeconds.toFixed(1)} s)`,
    `${ms.toFixed(1)} ms`,
    `the outcomes counted bare: ${floor.toFixed(1)} ms`,
    '≤ 50 ms',
    ms <= 50 ? 'met' : '**missed**',
  ];
}

async function main() {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'step-stats-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  try {
    rows.push(await benchDatabase('SQLite', sqlite));
  } finally {
    await sqlite.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.RELIABILITY_BENCH_PG) {
    const admin = knexFactory({
      client: 'pg',
      connection: process.env.RELIABILITY_BENCH_PG,
    });
    const db = `reliability_step_bench_${process.pid}`;
    await admin.raw(`create database ${db}`);
    const pg = knexFactory({
      client: 'pg',
      connection: `${process.env.RELIABILITY_BENCH_PG.replace(
        /\/$/,
        '',
      )}/${db}`,
    });
    try {
      rows.push(await benchDatabase('PostgreSQL', pg));
    } finally {
      await pg.destroy();
      await admin.raw(`drop database ${db}`);
      await admin.destroy();
    }
  }
  console.log('| | measured (median of 20) | baseline (same run) | target | |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
