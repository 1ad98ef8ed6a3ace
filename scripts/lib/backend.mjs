// Starting and stopping real backend processes (packages/backend, run from
// its TypeScript sources) for the fault suite and the benchmarks, each with
// a config of its own, and what they print.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Starts the demo backend with `app-config.yaml` plus `config` (YAML text)
 * on `port`; resolves once its health check answers.
 */
export async function startBackend({
  name,
  port,
  config,
  dir,
  env = {},
  nodeArgs = [],
}) {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `backend:
  baseUrl: http://localhost:${port}
  listen: { port: ${port} }
${config}`,
  );
  const output = [];
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      file,
    ],
    {
      cwd: join(root, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', d => output.push(String(d)));
  child.stderr.on('data', d => output.push(String(d)));
  const url = `http://localhost:${port}`;
  const backend = {
    name,
    url,
    child,
    output,
    /** Lines printed so far that match (without their colours). */
    lines: re =>
      output
        .join('')
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .filter(l => re.test(l)),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode) return;
      const exited = new Promise(r => child.once('exit', r));
      child.kill(signal);
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
    },
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      throw new Error(
        `backend ${name} exited: ${output.join('').slice(-3000)}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/reliability/health`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (i > 240) {
      await backend.stop('SIGKILL');
      throw new Error(
        `backend ${name} did not start: ${output.join('').slice(-3000)}`,
      );
    }
    await sleep(500);
  }
  return backend;
}

/** The demo guest's token, as the frontend gets it. */
export async function guestToken(url) {
  const response = await fetch(
    `${url}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  if (!response.ok) throw new Error(`no guest token: ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

/** JSON from the API with a token; `{ status, body, ms }`. */
export async function api(
  url,
  path,
  { token, method = 'GET', body, timeoutMs = 30_000 } = {},
) {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/reliability${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return {
      status: response.status,
      body: parsed,
      ms: performance.now() - started,
    };
  } catch (error) {
    return { status: 0, body: String(error), ms: performance.now() - started };
  }
}

/**
 * Every item of a paged list route (`{ items, totalCount }`, `limit` and
 * `offset`), read page after page; throws when a page fails.
 */
export async function allItems(url, path, { token } = {}) {
  const items = [];
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api(url, `${path}${sep}offset=${items.length}`, {
      token,
    });
    if (page.status !== 200) {
      throw new Error(
        `GET ${path}: ${page.status} ${JSON.stringify(page.body)}`,
      );
    }
    items.push(...page.body.items);
    if (!page.body.items.length || items.length >= page.body.totalCount) {
      return items;
    }
  }
}

/** A PostgreSQL database prefix of its own, and how to drop what it made. */
export async function postgresPrefix(pg) {
  const prefix = `rel_${Date.now().toString(36)}_`;
  return {
    prefix,
    config: `  database:
    client: pg
    prefix: ${prefix}
    connection: ${JSON.stringify(pg)}
`,
    async drop() {
      const { createRequire } = await import('node:module');
      const require = createRequire(join(root, 'package.json'));
      const { Client } = require('pg');
      const client = new Client({ connectionString: `${pg}/postgres` });
      await client.connect();
      const { rows } = await client.query(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`${prefix}%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
      await client.end();
    },
  };
}
