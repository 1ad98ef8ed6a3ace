#!/usr/bin/env node
// `npm run bench`: the benchmarks, run from their TypeScript sources with
// Backstage's own transform. Uses the local PostgreSQL too when it answers
// (or RELIABILITY_BENCH_PG names another server).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
if (!env.RELIABILITY_BENCH_PG) {
  const probe = spawnSync('pg_isready', [
    '-h',
    '127.0.0.1',
    '-p',
    '5432',
    '-q',
  ]);
  if (probe.status === 0)
    env.RELIABILITY_BENCH_PG = 'postgresql://postgres@127.0.0.1:5432';
}
const result = spawnSync(
  process.execPath,
  [
    '--require',
    '@backstage/cli/config/nodeTransform.cjs',
    'plugins/reliability-backend/bench/runbooks.bench.ts',
  ],
  { cwd: root, stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
