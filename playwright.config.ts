import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

// End-to-end tests: the real app (backend + frontend dev servers) driven in
// Debian's Chromium. Browser downloads do not work on our machines, so the
// tests never use Playwright's own browser builds. Run them with `npm run e2e`.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reuse = !process.env.CI;

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-artifacts/report' }],
    ['json', { outputFile: 'e2e-artifacts/results.json' }],
  ],
  outputDir: 'e2e-artifacts/results',
  webServer: [
    {
      command: 'npm run start:backend',
      url: 'http://localhost:7007/api/reliability/health',
      reuseExistingServer: reuse,
      timeout: 180_000,
      env: {
        // A data folder of their own, emptied by scripts/e2e.mjs, so the
        // tests never see (or change) the demo's own records.
        APP_CONFIG_backend_database_connection_directory:
          '../../data/e2e/sqlite',
        // The tests' own runbook repository (made by scripts/e2e.mjs).
        APP_CONFIG_reliability_runbooks_locations: JSON.stringify([
          {
            type: 'git',
            target: `file://${resolve('data/e2e/runbooks-repo')}`,
            branch: 'main',
            path: 'runbooks',
          },
        ]),
        APP_CONFIG_reliability_runbooks_gitCacheDirectory:
          resolve('data/e2e/git-cache'),
      },
    },
    {
      command: 'npm run start:app',
      url: 'http://localhost:3000',
      reuseExistingServer: reuse,
      timeout: 300_000,
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
