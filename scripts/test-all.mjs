#!/usr/bin/env node
// `npm test`: everything CI checks, in the order a failure is cheapest to
// find: type-check, lint, unit and integration tests (on SQLite and on the
// local PostgreSQL), then the browser end-to-end tests.
//
// PostgreSQL: when BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING
// is not set, the server at $PGHOST_FOR_TESTS (default
// postgresql://postgres@127.0.0.1:5432) is asked for its version and the
// variable is set for it. Without a reachable server the database tests run
// on SQLite only, with a warning; under CI that is an error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'package.json'));
const skipE2e = process.argv.includes('--skip-e2e');
// --skip-separate-app: everything but the install into a new app (~7 min).
const env = { ...process.env, BACKSTAGE_TEST_DISABLE_DOCKER: '1' };

async function configurePostgres() {
  const already = Object.keys(env).find(k =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
  );
  if (already) {
    console.log(`test: PostgreSQL from ${already}`);
    return;
  }
  const url =
    process.env.PGHOST_FOR_TESTS ?? 'postgresql://postgres@127.0.0.1:5432';
  const { Client } = require('pg');
  const client = new Client({
    connectionString: `${url}/postgres`,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version_num');
    const major = Math.floor(Number(rows[0].server_version_num) / 10000);
    env[`BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING`] = url;
    console.log(`test: PostgreSQL ${major} at ${url}`);
  } catch (error) {
    const message = `test: no PostgreSQL at ${url} (${error.message})`;
    if (process.env.CI) {
      console.error(`${message}; CI needs it for the database tests.`);
      process.exit(1);
    }
    console.warn(`${message}; database tests run on SQLite only.`);
  } finally {
    await client.end().catch(() => {});
  }
}

function step(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`=== ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${name} passed in ${seconds} s`);
}

await configurePostgres();
step('type-check', 'npx', ['tsc']);
step('lint', 'npx', ['backstage-cli', 'repo', 'lint']);
// The repository's own scripts (the test runner, the fault suite, the
// benchmarks, the separate-app test): plain Node ES modules.
step('lint scripts', 'npx', [
  'eslint',
  '--max-warnings=0',
  '--ext',
  '.mjs',
  'scripts',
]);
// Each package's public API against its committed report.api.md: a change
// to the API shows in review (`npm run api-reports` rewrites them).
step('API reports', 'npm', ['run', 'api-reports:check']);
// Without CI set, `backstage-cli repo test` goes into watch mode and only
// runs the tests of changed files.
mkdirSync(resolve(root, 'test-results'), { recursive: true });
const jestResults = resolve(root, 'test-results/jest.json');
step(
  'unit and integration tests',
  'npx',
  ['backstage-cli', 'repo', 'test', '--json', `--outputFile=${jestResults}`],
  { CI: 'true' },
);
const totals = { passed: 0, failed: 0 };
const jest = JSON.parse(readFileSync(jestResults, 'utf8'));
totals.passed += jest.numPassedTests;
totals.failed += jest.numFailedTests;
if (!skipE2e) {
  step('browser end-to-end tests', 'node', ['scripts/e2e.mjs']);
  const e2e = JSON.parse(
    readFileSync(resolve(root, 'e2e-artifacts/results.json'), 'utf8'),
  );
  totals.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  totals.failed += e2e.stats.unexpected ?? 0;
}
if (!process.argv.includes('--skip-faults')) {
  // Real backend processes through failures: two instances on one
  // PostgreSQL, PostgreSQL restarted under writes, SIGKILL mid-index, a Git
  // server that stops or stalls (npm run test:faults).
  step('fault suite', 'node', ['scripts/faults.mjs']);
  totals.passed += 4;
}
if (!skipE2e && !process.argv.includes('--skip-separate-app')) {
  // The suite packed with npm pack, installed into a new app made from the
  // create-app template of the same Backstage release, checked in Chromium.
  step('separate-app test', 'node', ['scripts/separate-app.mjs']);
  totals.passed += 2;
}
console.log(`\ntest: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
