// The frontend as a user meets it: the production build served by the
// backend, in Chromium — how long the Reliability tab takes from the click
// to the runbook list, beside how long the catalog's own About card takes on
// the same page in the same run, and how much JavaScript (gzipped) the
// plugin's pages bring.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, sleep, startBackend } from '../lib/backend.mjs';
import { launchChromium } from '../lib/chromium.mjs';

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export async function frontendBenchmark({ dir, rounds = 5 }) {
  const dist = join(root, 'packages/app/dist');
  console.log('bench: building the app (npm run build:app)');
  execFileSync('npm', ['run', 'build:app'], { cwd: root, stdio: 'ignore' });
  // The plugin's own chunks: those holding its code.
  const staticDir = join(dist, 'static');
  const chunks = readdirSync(staticDir)
    .filter(f => f.endsWith('.js'))
    .map(f => ({ f, text: readFileSync(join(staticDir, f)) }));
  const totalGzip = chunks.reduce((a, c) => a + gzipSync(c.text).length, 0);
  const pluginChunks = chunks.filter(
    ({ text }) =>
      text.includes('reliability.io/runbooks') ||
      text.includes('Backups & recovery') ||
      text.includes('Declare an incident'),
  );
  const pluginGzip = pluginChunks.reduce(
    (a, c) => a + gzipSync(c.text).length,
    0,
  );

  const port = 7143;
  const backend = await startBackend({
    name: 'bench-frontend',
    port,
    dir,
    config: `  database:
    client: better-sqlite3
    connection: { directory: ${JSON.stringify(join(dir, 'frontend-sqlite'))} }
app:
  baseUrl: http://localhost:${port}
`,
  });
  const browser = await launchChromium();
  try {
    if (!existsSync(dist)) throw new Error('no app build');
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`http://localhost:${port}/`);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('link', { name: 'Catalog' }).first().waitFor();
    // The runbooks are indexed shortly after start.
    for (let i = 0; i < 60; i++) {
      const ok = await page.evaluate(async () => {
        const r = await fetch('/api/reliability/health');
        return r.ok;
      });
      if (ok) break;
      await sleep(1000);
    }
    await sleep(15_000);
    const about = [];
    const tab = [];
    let tabJs = 0;
    // Both are clicks on the entity page's tabs (client-side navigation):
    // the catalog's own Overview (its About card) and the plugin's tab.
    await page.goto(
      `http://localhost:${port}/catalog/default/component/insights-api`,
    );
    await page.getByText('About').first().waitFor();
    for (let i = 0; i < rounds; i++) {
      const js = [];
      const onResponse = async response => {
        if (response.url().endsWith('.js')) {
          try {
            js.push(gzipSync(await response.body()).length);
          } catch {
            // a response without a body
          }
        }
      };
      page.on('response', onResponse);
      const clicked = Date.now();
      await page
        .getByRole('link', { name: 'Reliability', exact: true })
        .first()
        .click();
      await page
        .getByText('Insights API not responding (5xx, timeouts)')
        .first()
        .waitFor();
      tab.push(Date.now() - clicked);
      page.off('response', onResponse);
      if (i === 0) tabJs = js.reduce((a, b) => a + b, 0);
      const back = Date.now();
      await page
        .getByRole('link', { name: 'Overview', exact: true })
        .first()
        .click();
      await page.getByText('About').first().waitFor();
      await page.getByText('Owner').first().waitFor();
      about.push(Date.now() - back);
    }
    return {
      rounds,
      aboutMs: median(about),
      firstAboutMs: about[0],
      tabMs: median(tab),
      firstTabMs: tab[0],
      tabJsGzip: tabJs,
      pluginChunks: pluginChunks.length,
      pluginGzip,
      totalGzip,
    };
  } finally {
    await browser.close();
    await backend.stop();
  }
}
