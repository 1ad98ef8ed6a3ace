#!/usr/bin/env node
// Runs the browser end-to-end tests: checks that Debian's Chromium is there,
// empties the tests' own data folder, then runs Playwright, which starts the
// backend and the frontend itself.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(
    `e2e: no Chromium at ${chromium}. Install Debian's: apt-get install -y chromium` +
      ' (or set CHROMIUM_PATH to another Chromium binary).',
  );
  process.exit(1);
}

rmSync(resolve(root, 'data/e2e'), { recursive: true, force: true });

// A Git repository of the tests' own (playwright.config.ts adds it as a
// runbook location): a runbook whose text holds script, to be shown as text.
const repo = resolve(root, 'data/e2e/runbooks-repo');
const git = (...args) =>
  execFileSync('git', args, {
    cwd: repo,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'e2e',
      GIT_AUTHOR_EMAIL: 'e2e@example.com',
      GIT_COMMITTER_NAME: 'e2e',
      GIT_COMMITTER_EMAIL: 'e2e@example.com',
    },
  });
mkdirSync(resolve(repo, 'runbooks'), { recursive: true });
copyFileSync(
  resolve(root, 'packages/app/e2e-tests/fixtures/script-text-runbook.yaml'),
  resolve(repo, 'runbooks/script-text.yaml'),
);
git('init', '-q', '-b', 'main');
git('add', '.');
git('commit', '-q', '-m', 'runbooks');

const result = spawnSync(
  'npx',
  ['playwright', 'test', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  },
);
process.exit(result.status ?? 1);
