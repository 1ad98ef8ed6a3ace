#!/usr/bin/env node
// The proof that the suite installs into someone else's Backstage app
// (`npm run test:separate-app`). It does what the README's "Use it in your
// Backstage app" section tells an adopter to do, outside this repository:
//
//  1. builds the suite's packages and packs them with `npm pack`;
//  2. creates a new app from the official create-app template of the same
//     Backstage release (backstage.json), converted to npm as
//     ../shared/SETUP-NOTES.md describes (create-app itself cannot run here);
//  3. installs the tarballs, and only them, from the suite;
//  4. adds the backend plugin and search module with backend.add(import(…)),
//     the frontend plugin to createApp's features, and a catalog file with a
//     service whose runbooks sit next to it;
//  5. builds the app, starts the backend (which serves the app) on its own
//     SQLite file, and checks in Chromium that the service's Reliability tab
//     lists the runbook.
//
// Options: --keep keeps the app folder; SEPARATE_APP_DIR chooses it;
// SEPARATE_APP_PORT the backend port (default 7017).
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, launchChromium } from './lib/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const keep = process.argv.includes('--keep');
const port = Number(process.env.SEPARATE_APP_PORT ?? 7017);
const started = Date.now();
const work =
  process.env.SEPARATE_APP_DIR ?? mkdtempSync(join(tmpdir(), 'separate-app-'));
const app = join(work, 'my-backstage');
const tarballs = join(work, 'tarballs');

// The packages an adopter installs, in dependency order.
const PACKAGES = [
  'plugins/reliability-common',
  'plugins/reliability-node',
  'plugins/reliability-backend',
  'plugins/search-backend-module-reliability',
  'plugins/reliability-backend-module-prometheus',
  'plugins/reliability',
  'plugins/reliability-cli',
];

const log = message =>
  console.log(
    `separate-app [${((Date.now() - started) / 1000).toFixed(
      0,
    )} s]: ${message}`,
  );

function run(command, args, options = {}) {
  execFileSync(command, args, {
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
}
const json = path => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path, value) =>
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

// 1. Build and pack.
function packSuite() {
  log('type declarations (tsc) and package builds');
  run('npx', ['tsc'], { cwd: root });
  mkdirSync(tarballs, { recursive: true });
  const files = {};
  for (const dir of PACKAGES) {
    const cwd = join(root, dir);
    run('npx', ['backstage-cli', 'package', 'build'], { cwd });
    const name = json(join(cwd, 'package.json')).name;
    const out = execFileSync(
      'npm',
      ['pack', '--json', '--pack-destination', tarballs],
      { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
    files[name] = join(tarballs, filename);
    log(`packed ${name} → ${filename}`);
  }
  return files;
}

// 2. The create-app template of this repository's Backstage release.
function createApp() {
  const release = json(join(root, 'backstage.json')).version;
  const createAppVersion =
    process.env.CREATE_APP_VERSION ?? CREATE_APP_FOR_RELEASE[release];
  if (!createAppVersion) {
    throw new Error(
      `no create-app version known for Backstage ${release}: set CREATE_APP_VERSION`,
    );
  }
  log(
    `new app from @backstage/create-app@${createAppVersion} (Backstage ${release})`,
  );
  const unpack = join(work, 'create-app');
  mkdirSync(unpack, { recursive: true });
  run(
    'npm',
    [
      'pack',
      `@backstage/create-app@${createAppVersion}`,
      '--pack-destination',
      unpack,
    ],
    { cwd: unpack, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const tgz = readdirSync(unpack).find(f => f.endsWith('.tgz'));
  run('tar', ['xzf', tgz], { cwd: unpack });
  const pkg = join(unpack, 'package');
  const versions = require(join(pkg, 'dist/lib/versions.cjs.js'));
  const packageVersions = versions.packageVersions ?? versions.default;
  const Handlebars = require('handlebars');
  Handlebars.registerHelper('version', name => {
    const v = packageVersions[name];
    if (!v) throw new Error(`template asks for an unknown package ${name}`);
    return v;
  });
  rmSync(app, { recursive: true, force: true });
  cpSync(join(pkg, 'templates/default-app'), app, { recursive: true });
  for (const file of walk(app)) {
    if (!file.endsWith('.hbs')) continue;
    const text = Handlebars.compile(readFileSync(file, 'utf8'))({
      name: 'my-backstage',
      defaultBranch: 'main',
    });
    writeFileSync(file.slice(0, -'.hbs'.length), text);
    rmSync(file);
  }
  return { release, createAppVersion, packageVersions };
}

// The Backstage packages pinned to one release: the versions the create-app
// template of that release names, then the versions this repository's lock
// file resolved (what the suite was built and tested with). Without them a
// new app resolves caret ranges to whatever the registry has newest, and a
// plugin newer than the release's backend (signals-backend needing
// httpRouter.addWebSocketHandler, say) stops the whole backend.
function releasePins(packageVersions) {
  const pins = Object.fromEntries(
    Object.entries(packageVersions).filter(([name]) =>
      name.startsWith('@backstage/'),
    ),
  );
  const lock = json(join(root, 'package-lock.json'));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const name = /^node_modules\/(@backstage\/[^/]+)$/.exec(path)?.[1];
    if (name && entry.version) pins[name] = entry.version;
  }
  return pins;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// The npm conversion of SETUP-NOTES.md: no yarn files, `overrides` for
// `resolutions` plus the pins this registry needs, workspace ranges.
function convertToNpm(files, packageVersions) {
  for (const f of ['yarn.lock', '.yarnrc.yml', '.yarn']) {
    rmSync(join(app, f), { recursive: true, force: true });
  }
  const rootPkg = json(join(app, 'package.json'));
  delete rootPkg.packageManager;
  const ours = json(join(root, 'package.json'));
  const pins = releasePins(packageVersions);
  // npm takes an override of a direct dependency only when both name the
  // same version: the direct ones are pinned alike.
  const pinDirect = pkg => {
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(pkg[field] ?? {})) {
        if (pins[name]) pkg[field][name] = pins[name];
      }
    }
  };
  pinDirect(rootPkg);
  rootPkg.overrides = {
    ...rootPkg.resolutions,
    ...pins,
    ...ours.overrides,
    // The suite's own packages come from the tarballs, never a registry.
    ...Object.fromEntries(
      Object.entries(files).map(([name, file]) => [name, `file:${file}`]),
    ),
  };
  delete rootPkg.resolutions;
  rootPkg.devDependencies = {
    ...rootPkg.devDependencies,
    react: ours.devDependencies.react,
    'react-dom': ours.devDependencies['react-dom'],
  };
  for (const [k, v] of Object.entries(rootPkg.scripts)) {
    rootPkg.scripts[k] = v.replace(/yarn workspace (\S+) /g, 'npm run -w $1 ');
  }
  writeJson(join(app, 'package.json'), rootPkg);
  writeFileSync(
    join(app, '.npmrc'),
    'legacy-peer-deps=true\nomit-lockfile-registry-resolved=true\n',
  );
  for (const dir of ['packages/app', 'packages/backend']) {
    const path = join(app, dir, 'package.json');
    const pkg = json(path);
    for (const [k, v] of Object.entries(pkg.dependencies ?? {})) {
      if (/^(link|workspace):/.test(v)) pkg.dependencies[k] = '*';
    }
    pinDirect(pkg);
    writeJson(path, pkg);
  }
}

// 3–4. What the README tells an adopter to do.
function addTheSuite(files) {
  const backendPkgPath = join(app, 'packages/backend/package.json');
  const backendPkg = json(backendPkgPath);
  for (const name of [
    '@reliability-suite/plugin-reliability-backend',
    '@reliability-suite/plugin-search-backend-module-reliability',
    '@reliability-suite/plugin-reliability-backend-module-prometheus',
  ]) {
    backendPkg.dependencies[name] = `file:${files[name]}`;
  }
  writeJson(backendPkgPath, backendPkg);
  const appPkgPath = join(app, 'packages/app/package.json');
  const appPkg = json(appPkgPath);
  appPkg.dependencies[
    '@reliability-suite/plugin-reliability'
  ] = `file:${files['@reliability-suite/plugin-reliability']}`;
  writeJson(appPkgPath, appPkg);

  const backendIndex = join(app, 'packages/backend/src/index.ts');
  writeFileSync(
    backendIndex,
    readFileSync(backendIndex, 'utf8').replace(
      'backend.start();',
      `// The reliability suite: its backend plugin, and runbooks and
// postmortems in search.
backend.add(import('@reliability-suite/plugin-reliability-backend'));
backend.add(
  import('@reliability-suite/plugin-search-backend-module-reliability'),
);
// Backup runs and drills from Prometheus (none configured here).
backend.add(
  import('@reliability-suite/plugin-reliability-backend-module-prometheus'),
);

backend.start();`,
    ),
  );
  const appTsx = join(app, 'packages/app/src/App.tsx');
  let appSource = readFileSync(appTsx, 'utf8');
  appSource = appSource
    .replace(
      "import catalogPlugin from '@backstage/plugin-catalog/alpha';",
      "import catalogPlugin from '@backstage/plugin-catalog/alpha';\nimport reliabilityPlugin from '@reliability-suite/plugin-reliability/alpha';",
    )
    .replace(
      'features: [catalogPlugin,',
      'features: [catalogPlugin, reliabilityPlugin,',
    );
  if (!appSource.includes('reliabilityPlugin,')) {
    throw new Error('the template App.tsx changed: cannot add the plugin');
  }
  writeFileSync(appTsx, appSource);

  // A service of this app, with its runbooks in a folder beside its
  // catalog file.
  const service = join(app, 'examples/payments');
  mkdirSync(join(service, 'runbooks'), { recursive: true });
  writeFileSync(
    join(service, 'catalog-info.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  title: Payments service
  annotations:
    reliability.io/runbooks: ./runbooks
    reliability.io/rpo: 5m
    reliability.io/rto: 30m
spec:
  type: service
  lifecycle: production
  owner: guests
`,
  );
  writeFileSync(
    join(service, 'runbooks/payments-queue-stuck.yaml'),
    `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: payments-queue-stuck
  title: Payments queue is not draining
spec:
  severity: P2
  triggers:
    - alertName: PaymentsQueueStuck
  immediateActions:
    - run: kubectl -n payments rollout restart deploy/payments-worker
`,
  );
  writeFileSync(
    join(app, 'app-config.separate-app.yaml'),
    `# The separate-app test: the backend serves the built app on one port,
# on a SQLite file of its own.
app:
  baseUrl: http://localhost:${port}
backend:
  baseUrl: http://localhost:${port}
  listen:
    port: ${port}
  database:
    client: better-sqlite3
    connection:
      directory: ${join(work, 'sqlite')}
catalog:
  locations:
    - type: file
      target: ../../examples/payments/catalog-info.yaml
reliability:
  runbooks:
    schedule:
      frequency: { seconds: 15 }
      timeout: { minutes: 1 }
      initialDelay: { seconds: 3 }
`,
  );
}

async function waitFor(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer in ${seconds} s`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

async function checkInBrowser() {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    const pageErrors = [];
    page.on('pageerror', e => pageErrors.push(String(e)));
    page.on('console', m => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.goto(`http://localhost:${port}/`);
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.waitFor();
    await enter.click();
    await page.getByRole('link', { name: 'Catalog' }).first().waitFor();
    // The catalog ingests the entity and the index reads its runbooks on
    // their schedules: open the tab again until the runbook is listed.
    const deadline = Date.now() + 120_000;
    for (;;) {
      await page.goto(
        `http://localhost:${port}/catalog/default/component/payments`,
      );
      const tab = page.getByRole('link', { name: 'Reliability', exact: true });
      const found = await tab
        .click({ timeout: 10_000 })
        .then(() =>
          page
            .getByText('Payments queue is not draining')
            .first()
            .waitFor({ timeout: 10_000 }),
        )
        .then(
          () => true,
          () => false,
        );
      if (found) break;
      if (Date.now() > deadline) {
        await page.screenshot({ path: join(work, 'failure.png') });
        throw new Error(
          `the Reliability tab did not list the runbook (screenshot: ${join(
            work,
            'failure.png',
          )}); the page's errors: ${pageErrors.slice(-10).join(' | ')}`,
        );
      }
      await page.waitForTimeout(3000);
    }
    await page.getByText('PaymentsQueueStuck').first().waitFor();
    // The page names runbook files by their place in the app's repository,
    // never by where this machine keeps them.
    const text = await page.locator('body').innerText();
    if (text.includes(app)) {
      throw new Error(`the Reliability tab shows a server path: ${app}`);
    }
    mkdirSync(join(root, 'e2e-artifacts/screenshots'), { recursive: true });
    await page.screenshot({
      path: join(
        root,
        'e2e-artifacts/screenshots/separate-app-reliability-tab.png',
      ),
    });
  } finally {
    await browser.close();
  }
}

// create-app versions per Backstage release (the template of that release).
const CREATE_APP_FOR_RELEASE = { '1.55.0': '0.9.2' };

let backend;
let failed = false;
try {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no Chromium at ${chromiumPath}: apt-get install -y chromium`,
    );
  }
  const files = packSuite();
  const { packageVersions } = createApp();
  convertToNpm(files, packageVersions);
  addTheSuite(files);
  log('npm install (the new app, the suite from its tarballs only)');
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: app,
  });
  for (const name of Object.keys(files).filter(n => !n.endsWith('-cli'))) {
    const installed = join(app, 'node_modules', name);
    if (!existsSync(join(installed, 'dist'))) {
      throw new Error(`${name} was not installed from its tarball`);
    }
  }
  log('building the app');
  run('npm', ['run', 'build'], { cwd: join(app, 'packages/app') });
  log('starting the backend');
  backend = spawn(
    'npx',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.separate-app.yaml',
    ],
    {
      cwd: join(app, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const backendLog = [];
  backend.stdout.on('data', d => backendLog.push(String(d)));
  backend.stderr.on('data', d => backendLog.push(String(d)));
  try {
    await waitFor(`http://localhost:${port}/api/reliability/health`, 180);
  } catch (error) {
    console.error(backendLog.join('').slice(-8000));
    throw error;
  }
  log('backend up; checking the Reliability tab in Chromium');
  try {
    await checkInBrowser();
  } catch (error) {
    console.error(backendLog.join('').slice(-8000));
    throw error;
  }
  log(
    'the Reliability tab of the new app lists the runbook from its catalog file',
  );
  // The validator CLI, installed from its tarball, on an absolute path.
  const cli = join(app, 'cli');
  mkdirSync(cli, { recursive: true });
  writeJson(join(cli, 'package.json'), { name: 'cli-check', private: true });
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      files['@reliability-suite/reliability-cli'],
      files['@reliability-suite/plugin-reliability-common'],
    ],
    { cwd: cli },
  );
  run(
    join(cli, 'node_modules/.bin/reliability-runbooks'),
    ['validate', join(app, 'examples/payments/runbooks')],
    { cwd: tmpdir() },
  );
  log('the validator CLI from its tarball validated the runbooks');
  console.log('\nseparate-app: 2 passed, 0 failed');
} catch (error) {
  failed = true;
  console.error(`separate-app: FAILED: ${error.stack ?? error}`);
  console.log('\nseparate-app: 0 passed, 1 failed');
} finally {
  if (backend) {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (!keep && !process.env.SEPARATE_APP_DIR) {
    rmSync(work, { recursive: true, force: true });
  } else {
    log(`kept ${work}`);
  }
  for (const dir of PACKAGES) {
    // `package build` leaves dist/ behind; the repo's own app runs from src.
    rmSync(join(root, dir, 'dist'), { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
