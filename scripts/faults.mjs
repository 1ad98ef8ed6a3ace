#!/usr/bin/env node
// `npm run test:faults`: the backend through failures, with real processes —
// two instances on one PostgreSQL, PostgreSQL restarted under a write load,
// the backend killed in the middle of an index pass, a Git server that stops
// and one that is slow. Each prints what it measured; the last line is
// `faults: N passed, N failed`. Needs a PostgreSQL at 127.0.0.1:5432 that
// this user may restart (pg_ctlcluster), and git.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allItems,
  api,
  guestToken,
  postgresPrefix,
  sleep,
  startBackend,
} from './lib/backend.mjs';
import { runbookRepository } from './lib/corpus.mjs';

const PG =
  process.env.PGHOST_FOR_TESTS ?? 'postgresql://postgres@127.0.0.1:5432';
const work = mkdtempSync(join(tmpdir(), 'reliability-faults-'));
const results = [];
const log = (...args) => console.log('faults:', ...args);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// FAULTS=<part of a name> runs only the faults whose name holds it.
async function fault(name, fn) {
  if (process.env.FAULTS && !name.includes(process.env.FAULTS)) return;
  const started = Date.now();
  log(`— ${name}`);
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    log(
      `  passed in ${((Date.now() - started) / 1000).toFixed(1)} s${
        detail ? `: ${detail}` : ''
      }`,
    );
  } catch (error) {
    results.push({ name, ok: false });
    log(`  FAILED: ${error.stack ?? error}`);
  }
}

const sqlite = dir => `  database:
    client: better-sqlite3
    connection: { directory: ${JSON.stringify(dir)} }
`;
// The index of one configured Git location, often; the demo's own folders too.
const runbooks = (target, frequencySeconds, extra = '') => `reliability:
  runbooks:
    # ISO durations: app-config.yaml's { minutes: 2 } would merge into an object.
    schedule:
      frequency: PT${frequencySeconds}S
      timeout: PT2M
      initialDelay: PT1S
    gitCacheDirectory: ${JSON.stringify(
      join(work, `git-cache-${Math.random().toString(36).slice(2)}`),
    )}
    gitTimeoutSeconds: 3
    limits: { maxFiles: 20000 }
    locations:
      - { type: git, target: ${JSON.stringify(
        target,
      )}, branch: main, path: runbooks }
${extra}`;

const allRunbooks = async (url, token) =>
  (await api(url, '/runbooks', { token })).body.items ?? [];

const notification = fingerprint => ({
  version: '4',
  groupKey: `{}:{alertname="FaultsTwoInstances"}`,
  status: 'firing',
  receiver: 'backstage',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'FaultsTwoInstances', service: 'insights-api' },
      annotations: { summary: 'The same notification, twice' },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint,
    },
  ],
});

await fault('two backend instances on one PostgreSQL', async () => {
  const repo = runbookRepository(join(work, 'two'), {
    count: 200,
    entities: 50,
  });
  const pg = await postgresPrefix(PG);
  const config = `${pg.config}${runbooks(`file://${repo.bare}`, 5)}`;
  const a = await startBackend({ name: 'a', port: 7121, config, dir: work });
  const b = await startBackend({ name: 'b', port: 7122, config, dir: work });
  try {
    const token = await guestToken(a.url);
    // Index passes over 25 seconds: one per cycle across both instances
    // (counted from when both are up: A ran passes of its own while B was
    // starting).
    const passesSoFar = () =>
      [a, b].map(x => x.lines(/Runbook index pass started/).length);
    const before = passesSoFar();
    await sleep(25_000);
    const passes = passesSoFar().map((n, i) => n - before[i]);
    const total = passes[0] + passes[1];
    // At least two (a pass plus the scheduler's polling lag may stretch a
    // cycle to ~10 s on a loaded machine); at most seven (both instances
    // running each cycle would make ten).
    check(
      total >= 2 && total <= 7,
      `index passes ${passes.join(' + ')}: not one per 5-second cycle`,
    );
    const [fromA, fromB] = await Promise.all([
      allRunbooks(a.url, token),
      allRunbooks(b.url, token),
    ]);
    check(
      fromA.length >= 200 && fromA.length === fromB.length,
      `A serves ${fromA.length}, B ${fromB.length}`,
    );
    // The same Alertmanager notification, to both at once, three times each.
    const webhook = {
      token: 'demo-alertmanager-token',
      method: 'POST',
      body: notification('f00dcafe'),
    };
    const answers = await Promise.all(
      [a, b, a, b, a, b].map(x =>
        api(x.url, '/webhooks/alertmanager', webhook),
      ),
    );
    check(
      answers.every(x => x.status === 200),
      `webhook: ${answers.map(x => x.status)}`,
    );
    const opened = answers.flatMap(x => x.body.opened);
    const incidents = (
      await api(a.url, '/incidents?alertName=FaultsTwoInstances', { token })
    ).body.items;
    check(
      opened.length === 1 && incidents.length === 1,
      `opened ${opened.length}, incidents ${incidents.length}`,
    );
    return `index passes ${passes.join(
      ' + ',
    )} (A + B) in 25 s at a 5 s frequency: one per cycle across both; both serve ${
      fromA.length
    } runbooks; 6 deliveries → 1 incident`;
  } finally {
    await a.stop();
    await b.stop();
    await pg.drop();
  }
});

await fault('PostgreSQL restarted during a write load', async () => {
  const pg = await postgresPrefix(PG);
  const a = await startBackend({
    name: 'pg-restart',
    port: 7123,
    config: pg.config,
    dir: work,
  });
  try {
    const token = await guestToken(a.url);
    const acknowledged = [];
    const failures = [];
    let restarted = false;
    let stop = false;
    let slowestWrite = 0;
    const writer = async w => {
      for (let i = 0; !stop; i++) {
        const answer = await api(a.url, '/postmortems', {
          token,
          method: 'POST',
          body: { title: `Write ${w}-${i}` },
          timeoutMs: 15_000,
        });
        slowestWrite = Math.max(slowestWrite, answer.ms);
        if (answer.status === 201) acknowledged.push(answer.body.id);
        else failures.push(answer);
        if (answer.status !== 201) await sleep(100);
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    await sleep(3000);
    const cluster = execFileSync('ls', ['/etc/postgresql']).toString().trim();
    const outage = Date.now();
    execFileSync('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      cluster,
      'main',
      'restart',
    ]);
    restarted = true;
    const outageSeconds = (Date.now() - outage) / 1000;
    await sleep(6000);
    stop = true;
    await Promise.all(writers);
    check(restarted, 'PostgreSQL was not restarted');
    check(
      failures.every(f => f.status >= 500),
      `non-5xx failures: ${[...new Set(failures.map(f => f.status))]}`,
    );
    const slowest = Math.max(0, ...failures.map(f => f.ms));
    // No request hangs through the outage (limits with room for a loaded
    // 2-core machine; knex would otherwise wait 60 s for a connection).
    check(slowest < 10_000, `a failing request took ${Math.round(slowest)} ms`);
    check(slowestWrite < 15_000, `a write took ${Math.round(slowestWrite)} ms`);
    // Recovered without a restart of the backend.
    const after = await api(a.url, '/postmortems', {
      token,
      method: 'POST',
      body: { title: 'After' },
    });
    check(after.status === 201, `after the restart: ${after.status}`);
    const stored = new Set(
      (await allItems(a.url, '/postmortems', { token })).map(p => p.id),
    );
    const lost = acknowledged.filter(id => !stored.has(id));
    check(lost.length === 0, `${lost.length} acknowledged writes are missing`);
    const failed = failures.length
      ? `${failures.length} failed, each a 5xx within ${Math.round(slowest)} ms`
      : 'none failed: each waited for the database';
    return `${
      acknowledged.length
    } writes acknowledged, all present; during a ${outageSeconds.toFixed(
      1,
    )} s restart ${failed}; the slowest write took ${Math.round(
      slowestWrite,
    )} ms; the backend recovered by itself`;
  } finally {
    await a.stop();
    await pg.drop();
  }
});

await fault(
  'SIGKILL in the middle of an (incremental) index pass',
  async () => {
    const repo = runbookRepository(join(work, 'kill'), {
      count: 4000,
      entities: 200,
    });
    const data = join(work, 'kill-sqlite');
    const config = `${sqlite(data)}${runbooks(`file://${repo.bare}`, 8)}`;
    let first = await startBackend({
      name: 'kill-1',
      port: 7124,
      config,
      dir: work,
    });
    let token = await guestToken(first.url);
    // The corpus's runbooks (the demo's own are indexed beside them, when the
    // catalog has read the demo entities).
    const corpusOf = items => items.filter(r => /^rb-/.test(r.name));
    for (
      let i = 0;
      i < 120 && corpusOf(await allRunbooks(first.url, token)).length < 4000;
      i++
    )
      await sleep(1000);
    const before = corpusOf(await allRunbooks(first.url, token)).length;
    const duration = Number(
      /in (\d+) ms/.exec(first.lines(/Indexed runbooks of/)[0] ?? '')?.[1] ??
        2000,
    );
    // A new set: 1,000 more files, every old one changed but the first 100,
    // which are deleted. The location's files are remembered, so the pass is
    // an incremental one: it reads the changed files, drops the deleted ones
    // and keeps nothing else.
    for (let i = 100; i < 5000; i++) repo.write(i, 1);
    for (let i = 0; i < 100; i++) {
      rmSync(
        join(repo.work, 'runbooks', `rb-${String(i).padStart(5, '0')}.yaml`),
      );
    }
    repo.commit('revision 1');
    const seen = first.lines(/Runbook index pass started/).length;
    for (
      let i = 0;
      i < 200 && first.lines(/Runbook index pass started/).length === seen;
      i++
    )
      await sleep(50);
    await sleep(Math.max(100, duration * 0.4));
    await first.stop('SIGKILL');
    const second = await startBackend({
      name: 'kill-2',
      port: 7124,
      // No pass of its own before it is looked at.
      config: `${sqlite(data)}${runbooks(`file://${repo.bare}`, 600).replace(
        'initialDelay: PT1S',
        'initialDelay: PT10M',
      )}`,
      dir: work,
    });
    try {
      token = await guestToken(second.url);
      const items = await allRunbooks(second.url, token);
      const revisions = new Set(
        corpusOf(items).map(r => (/revision 1/.test(r.title) ? 1 : 0)),
      );
      const corpus = corpusOf(items).length;
      check(
        (corpus === before && revisions.size === 1 && revisions.has(0)) ||
          (corpus === 4900 && revisions.size === 1 && revisions.has(1)),
        `after the kill: ${corpus} runbooks (${before} before) of revisions ${[
          ...revisions,
        ]}`,
      );
      return `killed ${Math.round(
        Math.max(100, duration * 0.4),
      )} ms into a pass (a full one takes ${duration} ms); after restart ${corpus} runbooks, all of revision ${
        [...revisions][0]
      }: the old set or the new, never half`;
    } finally {
      await second.stop();
      first = undefined;
    }
  },
);

await fault('Git server stopped, then slow', async () => {
  const repo = runbookRepository(join(work, 'daemon'), {
    count: 100,
    entities: 20,
  });
  const daemonPort = 7131;
  const daemon = spawn(
    'git',
    [
      'daemon',
      '--reuseaddr',
      `--base-path=${join(work, 'daemon')}`,
      '--export-all',
      '--listen=127.0.0.1',
      `--port=${daemonPort}`,
      join(work, 'daemon'),
    ],
    { stdio: 'ignore' },
  );
  // A proxy in front of it: passes bytes, holds them (slow), or refuses (down).
  let mode = 'pass';
  const proxy = createServer(socket => {
    if (mode === 'down') return socket.destroy();
    const upstream = connect(daemonPort, '127.0.0.1');
    const hold = stream => chunk => {
      if (mode === 'slow') {
        stream.pause();
        setTimeout(() => stream.resume(), 20_000).unref();
      }
      return chunk;
    };
    socket.on('data', c => upstream.write(hold(socket)(c)));
    upstream.on('data', c => socket.write(hold(upstream)(c)));
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  });
  await new Promise(r => proxy.listen(7132, '127.0.0.1', r));
  await sleep(500);
  const data = join(work, 'daemon-sqlite');
  const a = await startBackend({
    name: 'git-down',
    port: 7125,
    config: `${sqlite(data)}${runbooks(
      'git://127.0.0.1:7132/runbooks.git',
      5,
    )}`,
    dir: work,
  });
  try {
    const token = await guestToken(a.url);
    for (
      let i = 0;
      i < 60 &&
      (await allRunbooks(a.url, token)).filter(r => /^rb-/.test(r.name))
        .length < 100;
      i++
    )
      await sleep(1000);
    const served = async () =>
      (await allRunbooks(a.url, token)).filter(r => /^rb-/.test(r.name));
    check(
      (await served()).length === 100,
      'the Git runbooks were never indexed',
    );
    repo.write(0, 1);
    repo.commit('a change it cannot read');
    const outcomes = [];
    for (const state of ['slow', 'down']) {
      mode = state;
      const failed = a.lines(/Could not read runbooks at git:/).length;
      const started = Date.now();
      for (
        let i = 0;
        i < 80 && a.lines(/Could not read runbooks at git:/).length === failed;
        i++
      )
        await sleep(250);
      const message = a.lines(/Could not read runbooks at git:/).at(-1) ?? '';
      check(message, `no failed read recorded while ${state}`);
      const rbs = await served();
      check(rbs.length === 100, `${state}: ${rbs.length} runbooks served`);
      const age = (Date.now() - Date.parse(rbs[0].lastSyncedAt)) / 1000;
      outcomes.push(
        `${state}: the read failed after ${(
          (Date.now() - started) /
          1000
        ).toFixed(1)} s (${
          /timed out|ETIMEDOUT|killed|SIGTERM|timeout/i.test(message)
            ? 'timed out'
            : message.replace(/.*: /, '').slice(0, 60)
        }); 100 runbooks still served, read ${Math.round(age)} s ago`,
      );
    }
    const passes = a.lines(/Indexed runbooks of/).slice(-1)[0] ?? '';
    check(/in \d+ ms/.test(passes), 'no index pass finished');
    return outcomes.join('; ');
  } finally {
    await a.stop();
    proxy.close();
    daemon.kill();
  }
});

await fault(
  'an index pass that outlives its timeout, on two instances',
  async () => {
    // Twenty Git repositories behind a proxy that answers every connection
    // 2.5 s late: a full pass takes over a minute, its timeout is 4 s. Past
    // the timeout the scheduler's janitor (once a minute) frees the task, and
    // the other instance may start a pass: the first must have stopped by then.
    const base = join(work, 'timeout');
    const repo = runbookRepository(join(base, 'src'), {
      count: 5,
      entities: 5,
    });
    const REPOS = 20;
    for (let k = 0; k < REPOS; k++) {
      execFileSync('git', [
        'clone',
        '-q',
        '--bare',
        repo.bare,
        join(base, `r${k}.git`),
      ]);
    }
    const daemonPort = 7133;
    const daemon = spawn(
      'git',
      [
        'daemon',
        '--reuseaddr',
        `--base-path=${base}`,
        '--export-all',
        '--listen=127.0.0.1',
        `--port=${daemonPort}`,
        base,
      ],
      { stdio: 'ignore' },
    );
    const proxy = createServer(socket => {
      socket.pause();
      setTimeout(() => {
        const upstream = connect(daemonPort, '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        socket.resume();
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
        socket.on('close', () => upstream.destroy());
      }, 2500).unref();
    });
    await new Promise(r => proxy.listen(7134, '127.0.0.1', r));
    const pg = await postgresPrefix(PG);
    const locations = Array.from(
      { length: REPOS },
      (_, k) =>
        `      - { type: git, target: "git://127.0.0.1:7134/r${k}.git", branch: main, path: runbooks }`,
    ).join('\n');
    const config = `${pg.config}reliability:
  runbooks:
    schedule: { frequency: PT5S, timeout: PT4S, initialDelay: PT1S }
    gitCacheDirectory: ${JSON.stringify(join(work, 'timeout-git-cache'))}
    gitTimeoutSeconds: 60
    locations:
${locations}
`;
    const a = await startBackend({
      name: 'timeout-a',
      port: 7126,
      config,
      dir: work,
    });
    const b = await startBackend({
      name: 'timeout-b',
      port: 7127,
      config,
      dir: work,
    });
    // When each instance's passes start and end, as seen from here.
    const passes = [];
    const seen = new Map();
    const watch = () => {
      for (const x of [a, b]) {
        const starts = x.lines(/Runbook index pass started/).length;
        const ends = x.lines(
          /Indexed runbooks of|Runbook index pass stopped at its timeout/,
        ).length;
        const before = seen.get(x) ?? { starts: 0, ends: 0 };
        for (let i = before.starts; i < starts; i++) {
          passes.push({ on: x.name, start: Date.now() });
        }
        const open = passes.filter(p => p.on === x.name && p.end === undefined);
        for (let i = before.ends; i < ends && open.length; i++) {
          open.shift().end = Date.now();
        }
        seen.set(x, { starts, ends });
      }
    };
    try {
      const started = Date.now();
      while (Date.now() - started < 75_000) {
        watch();
        await sleep(100);
      }
      const stopped =
        a.lines(/Runbook index pass stopped at its timeout/).length +
        b.lines(/Runbook index pass stopped at its timeout/).length;
      let overlaps = 0;
      for (const p of passes) {
        for (const q of passes) {
          if (p.on === q.on || p.start >= q.start) continue;
          // q starts after p: p must have ended first (100 ms polling).
          if (p.end === undefined || p.end > q.start + 200) overlaps++;
        }
      }
      const timeline = passes
        .map(
          p =>
            `${p.on.slice(-1)} ${p.start - started}–${
              p.end === undefined ? '…' : p.end - started
            }`,
        )
        .join(', ');
      check(
        overlaps === 0,
        `${overlaps} passes ran beside another instance's: ${timeline}`,
      );
      const done = passes.filter(p => p.end !== undefined);
      check(
        done.length >= 3,
        `only ${done.length} passes ended in 75 s: ${timeline}`,
      );
      check(stopped >= 1, 'no pass stopped at its timeout');
      const longest = Math.max(...done.map(p => p.end - p.start));
      // Its 4 s, the read under way ended, and this loop's polling.
      check(longest < 9_000, `a pass ran ${longest} ms past its 4 s timeout`);
      const on = name => passes.filter(p => p.on === name).length;
      return `${passes.length} passes in 75 s (A ${on('timeout-a')}, B ${on(
        'timeout-b',
      )}), ${stopped} stopped at the 4 s timeout of a pass that needs over a minute; the longest ran ${longest} ms; none beside another`;
    } finally {
      await a.stop();
      await b.stop();
      await pg.drop();
      proxy.close();
      daemon.kill();
    }
  },
);

const passed = results.filter(r => r.ok).length;
console.log(`\nfaults: ${passed} passed, ${results.length - passed} failed`);
rmSync(work, { recursive: true, force: true });
process.exit(passed === results.length ? 0 : 1);
