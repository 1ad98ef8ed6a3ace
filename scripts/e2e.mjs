#!/usr/bin/env node
// Runs the browser end-to-end tests: checks that Debian's Chromium is there,
// empties the tests' own data folder, then runs Playwright, which starts the
// backend and the frontend itself.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
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
