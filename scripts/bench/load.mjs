// The running backend at the size of a large organisation: a synthetic
// catalog (BENCH_ENTITIES components, default 1,000), BENCH_RUNBOOKS runbook
// files (default 10,000) and a recovery plan per entity in a real local Git
// repository, indexed cold, unchanged and after 1 % changed; then, with a
// week of backups, postmortems and incidents stored, each route under
// autocannon — requests per second at 50 connections and p50/p99 at a fixed
// 100 requests/s — beside the backend's own health route and the catalog's
// by-name lookup, on SQLite and on PostgreSQL; postmortem creates with every
// acknowledged write checked; an alert storm of 1,000 alerts in a minute
// with every alert accounted for once. Returns the figures.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  api,
  guestToken,
  postgresPrefix,
  root,
  sleep,
  startBackend,
} from '../lib/backend.mjs';
import { catalogText, entityName, runbookRepository } from '../lib/corpus.mjs';

const require = createRequire(join(root, 'package.json'));
const autocannon = require('autocannon');

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1000);
const RUNBOOKS = Number(process.env.BENCH_RUNBOOKS ?? 10_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const STORM = Number(process.env.BENCH_STORM_ALERTS ?? 1000);
const STORM_SECONDS = Number(process.env.BENCH_STORM_SECONDS ?? 60);

// Resident memory of a process, now and at its peak, in MB.
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = key =>
    Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const cannon = options =>
  new Promise((resolve, reject) => {
    autocannon(options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });

// Requests at a fixed rate, each sent on its schedule whatever the answers
// before it (an open loop, as users arrive): the latency of each, from
// sending to the last byte. (autocannon's own rate limit sends each
// second's requests in a burst at its start, which measures the burst.)
async function paced(url, { rate, seconds, method, headers, body }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const one = () =>
    new Promise(resolve => {
      const started = process.hrtime.bigint();
      const request = http.request(url, { method, headers, agent }, res => {
        res.resume();
        res.on('end', () =>
          resolve({
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            ok: res.statusCode >= 200 && res.statusCode < 300,
          }),
        );
      });
      request.on('error', () => resolve({ ms: NaN, ok: false }));
      request.setTimeout(10_000, () => request.destroy());
      request.end(body);
    });
  // Warm the connections first.
  await Promise.all(Array.from({ length: 8 }, one));
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(one());
  }
  const results = await Promise.all(pending);
  agent.destroy();
  const ms = results
    .filter(r => r.ok)
    .map(r => r.ms)
    .sort((a, b) => a - b);
  const at = q => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return {
    p50: Number(at(0.5)?.toFixed(1)),
    p99: Number(at(0.99)?.toFixed(1)),
    ok: ms.length,
    errors: results.length - ms.length,
  };
}

/** Two figures of a route: rps at 50 connections, p50/p99 at 100 requests/s. */
async function route(url, { token, method = 'GET', body, busy }) {
  const headers = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(body ? { 'content-type': 'application/json' } : {}),
  };
  const text = body ? JSON.stringify(body) : undefined;
  const saturated = await cannon({
    url,
    method,
    headers,
    ...(text ? { body: text } : {}),
    duration: DURATION,
    connections: 50,
  });
  const fixed = await paced(url, {
    rate: 100,
    seconds: DURATION,
    method,
    headers,
    body: text,
  });
  // The same steady rate while the backend works: `busy()` starts an index
  // pass with changed files and the recovery evaluation of every plan at
  // the start of the window.
  let working;
  if (busy) {
    const started = busy();
    working = await paced(url, {
      rate: 100,
      seconds: DURATION,
      method,
      headers,
      body: text,
    });
    await started;
  }
  return {
    rps: Math.round(saturated.requests.average),
    ok: saturated['2xx'],
    errors: saturated.non2xx + saturated.errors + saturated.timeouts,
    p50: fixed.p50,
    p99: fixed.p99,
    pacedErrors: fixed.errors,
    acknowledged: saturated['2xx'] + fixed.ok,
    ...(working
      ? {
          busyP50: working.p50,
          busyP99: working.p99,
          busyErrors: working.errors,
        }
      : {}),
  };
}

// The duration of the newest finished index pass, from the backend's log.
const lastPass = backend =>
  Number(
    /in (\d+) ms/.exec(backend.lines(/Indexed runbooks of/).at(-1) ?? '')?.[1],
  );

// Waits for the next finished index pass; samples the process's memory
// when it starts, so growth is the pass's own.
async function nextPass(backend) {
  const seen = backend.lines(/Indexed runbooks of/).length;
  const started = backend.lines(/Runbook index pass started/).length;
  let before;
  for (
    let i = 0;
    i < 4800 && backend.lines(/Indexed runbooks of/).length === seen;
    i++
  ) {
    if (
      before === undefined &&
      backend.lines(/Runbook index pass started/).length > started
    ) {
      before = memory(backend.child.pid).rss;
    }
    await sleep(50);
  }
  return { ms: lastPass(backend), rssBefore: before };
}

// Run `fn(i)` for i < n, `width` at a time; the answers' statuses counted.
async function inParallel(n, width, fn) {
  const statuses = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const { status, body } = await fn(next++);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status >= 300 && !statuses.first)
          statuses.first = JSON.stringify(body).slice(0, 500);
      }
    }),
  );
  return statuses;
}

const SEED_POSTMORTEMS = 2 * ENTITIES;
const SEED_INCIDENTS = ENTITIES;

/**
 * The records beside the runbooks, as an organisation of this size holds
 * them: for each entity's recovery plan a week of nightly database backups,
 * daily bucket backups and a restore drill; two postmortems per entity; one
 * resolved incident per entity (imported).
 */
async function seed(url, token) {
  const day = 86_400_000;
  const now = Date.now();
  const iso = t => new Date(t).toISOString();
  const events = [];
  for (let e = 0; e < ENTITIES; e++) {
    const entityRef = `component:default/${entityName(e)}`;
    for (let d = 0; d < 7; d++) {
      const start = now - d * day - 3_600_000;
      events.push(
        {
          id: `bench-db-${e}-${d}`,
          type: 'backup',
          entityRef,
          component: 'db',
          job: 'full',
          startedAt: iso(start),
          finishedAt: iso(start + 600_000),
          result: d === 3 && e % 10 === 0 ? 'failure' : 'success',
          sizeBytes: 5_000_000_000 + e * 1000,
          tool: 'pgbackrest',
        },
        {
          id: `bench-objects-${e}-${d}`,
          type: 'backup',
          entityRef,
          component: 'objects',
          startedAt: iso(start - 7_200_000),
          finishedAt: iso(start - 6_900_000),
          result: 'success',
          tool: 'restic',
        },
      );
    }
    events.push({
      id: `bench-drill-${e}`,
      type: 'drill',
      entityRef,
      component: 'db',
      startedAt: iso(now - 2 * day),
      finishedAt: iso(now - 2 * day + 1_800_000),
      result: 'success',
      restoreSeconds: 1500 + (e % 7) * 100,
      dataVerified: true,
    });
  }
  const batches = [];
  for (let i = 0; i < events.length; i += 500)
    batches.push(events.slice(i, i + 500));
  const backups = await inParallel(batches.length, 2, i =>
    api(url, '/backups/events', {
      token: 'demo-backup-reporter-token',
      method: 'POST',
      body: { events: batches[i] },
      timeoutMs: 120_000,
    }),
  );
  const postmortems = await inParallel(SEED_POSTMORTEMS, 8, i =>
    api(url, '/postmortems', {
      token,
      method: 'POST',
      body: {
        title: `${entityName(i % ENTITIES)}: ${
          ['latency after a release', 'queue backlog'][i % 2]
        }`,
        entityRefs: [`component:default/${entityName(i % ENTITIES)}`],
        summary: 'Requests slowed down after a release; rolled back.',
        rootCauses: ['A missing index on a new query'],
      },
    }),
  );
  const incidents = await inParallel(SEED_INCIDENTS, 8, i =>
    api(url, '/incidents/import', {
      // History is imported by an operator's token for imports only.
      token: 'demo-import-token',
      method: 'POST',
      body: {
        externalId: `bench:${i}`,
        title: `${entityName(i)} errors`,
        severity: `P${1 + (i % 4)}`,
        status: 'resolved',
        entityRefs: [`component:default/${entityName(i)}`],
        milestones: {
          started: iso(now - (i % 90) * day - 7_200_000),
          resolved: iso(now - (i % 90) * day - 3_600_000),
        },
      },
    }),
  );
  // A write that fails is counted (and shown); more than 1 % stops the run.
  const all = {
    backups: [backups, batches.length],
    postmortems: [postmortems, SEED_POSTMORTEMS],
    incidents: [incidents, SEED_INCIDENTS],
  };
  let failed = 0;
  for (const [what, [statuses, n]] of Object.entries(all)) {
    const bad = Object.entries(statuses)
      .filter(([s]) => /^\d+$/.test(s) && !/^20[01]$/.test(s))
      .reduce((sum, [, count]) => sum + count, 0);
    if (bad) console.log(`bench: seeding ${what}: ${JSON.stringify(statuses)}`);
    if (bad > n / 100)
      throw new Error(`seeding ${what}: ${JSON.stringify(statuses)}`);
    failed += bad;
  }
  return {
    backupEvents: events.length,
    postmortems: SEED_POSTMORTEMS,
    incidents: SEED_INCIDENTS,
    failed,
  };
}

// A push of one changed file, told the way GitHub tells it; the time from
// the webhook's delivery until the API serves the new copy.
async function pushOneFile(backend, repo, token) {
  const i = 4242 % RUNBOOKS;
  const revision = 7;
  repo.write(i, revision);
  repo.commit('one file, pushed');
  const name = `rb-${String(i).padStart(5, '0')}`;
  const body = JSON.stringify({
    ref: 'refs/heads/main',
    repository: {
      full_name: 'bench/runbooks',
      html_url: 'https://github.com/bench/runbooks',
      clone_url: `file://${repo.bare}`,
      default_branch: 'main',
    },
    commits: [{ modified: [`runbooks/${name}.yaml`] }],
  });
  const signature = `sha256=${createHmac('sha256', 'demo-github-webhook-secret')
    .update(body)
    .digest('hex')}`;
  const started = Date.now();
  const delivered = await fetch(`${backend.url}/api/events/http/github`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-hub-signature-256': signature,
    },
    body,
  });
  for (let k = 0; k < 600; k++) {
    const r = await fetch(
      `${backend.url}/api/reliability/runbooks/default/${name}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const runbook = r.ok ? await r.json() : undefined;
    if (runbook?.title?.includes(`revision ${revision}`)) {
      return { ms: Date.now() - started, status: delivered.status };
    }
    await sleep(20);
  }
  return { ms: NaN, status: delivered.status };
}

/** One database's run: indexing, then the routes, writes and the storm. */
async function run({ database, dir, port, config: dbConfig }) {
  const repo = runbookRepository(join(dir, `corpus-${database}`), {
    count: RUNBOOKS,
    entities: ENTITIES,
    plans: ENTITIES,
  });
  writeFileSync(join(dir, 'catalog.yaml'), catalogText(ENTITIES));
  // The demo's own catalog stays (its recovery plan, its services); the
  // synthetic organisation joins it.
  // Passes every 20 s while indexing is measured; then the demo's schedule
  // (every 2 minutes) while the routes are.
  // Search indexing is scheduled out of the measured window: on SQLite the
  // demo's search engine is Lunr, whose index build of every runbook blocks
  // the event loop (docs/benchmarks.md); production runs PostgreSQL's.
  const later = '{ frequency: PT1H, timeout: PT15M, initialDelay: PT1H }';
  const config = (frequency, initialDelay) => `${dbConfig}search:
  collators:
    catalog: { schedule: ${later} }
    reliabilityRunbooks: { schedule: ${later} }
    reliabilityPostmortems: { schedule: ${later} }
catalog:
  locations:
    - { type: file, target: ../../examples/entities.yaml }
    - { type: file, target: ../../examples/org.yaml, rules: [{ allow: [User, Group] }] }
    - { type: file, target: ${JSON.stringify(
      join(dir, 'catalog.yaml'),
    )}, rules: [{ allow: [Component, Group, System] }] }
reliability:
  backups:
    # The demo's reporter token reports for the synthetic systems too.
    reporters:
      - subject: backup-reporter
        owners: [group:default/platform-team]
        systems: [${Array.from(
          { length: 20 },
          (_, s) => `system-${String(s).padStart(2, '0')}`,
        ).join(', ')}]
  runbooks:
    schedule:
      frequency: ${frequency}
      timeout: PT5M
      initialDelay: ${initialDelay}
    gitCacheDirectory: ${JSON.stringify(join(dir, `git-${database}`))}
    limits: { maxFiles: ${RUNBOOKS + ENTITIES + 1000} }
    locations:
      - { type: git, target: ${JSON.stringify(
        `file://${repo.bare}`,
      )}, branch: main, path: runbooks }
`;
  let backend = await startBackend({
    name: `bench-${database}`,
    port,
    config: config('PT20S', 'PT40S'),
    dir,
  });
  const figures = { database, index: {}, routes: {}, writes: {}, storm: {} };
  try {
    const pid = backend.child.pid;
    // The catalog first, so that its ingestion is not counted in the cold
    // pass; the pass starts after it (initialDelay below).
    let token = await guestToken(backend.url);
    const catalogStarted = Date.now();
    for (let i = 0; i < 480; i++) {
      const r = await fetch(
        `${
          backend.url
        }/api/catalog/entities/by-name/component/default/${entityName(
          ENTITIES - 1,
        )}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      if (r.ok) break;
      await sleep(500);
    }
    figures.catalogSeconds = Math.round((Date.now() - catalogStarted) / 1000);
    const cold = await nextPass(backend);
    const afterCold = memory(pid);
    const unchanged = await nextPass(backend);
    const changed = Math.max(1, Math.round(RUNBOOKS / 100));
    for (let i = 0; i < changed; i++) repo.write((i * 97) % RUNBOOKS, 1);
    repo.commit('1 % changed');
    const onePercent = await nextPass(backend);
    // One file changed and pushed: the GitHub webhook, signed as GitHub
    // signs it, through the events backend; served when the API answers
    // with the new copy (no scheduled pass runs in between: the next is
    // 20 s away and the change is seen within the figure).
    const pushed = await pushOneFile(backend, repo, token);
    const afterAll = memory(pid);
    const startRss = cold.rssBefore ?? afterCold.rss;
    figures.index = {
      cold: cold.ms,
      unchanged: unchanged.ms,
      onePercent: onePercent.ms,
      changed,
      pushServedMs: pushed.ms,
      pushStatus: pushed.status,
      rssBefore: Math.round(startRss),
      rssAfterCold: Math.round(afterCold.rss),
      rssAfter: Math.round(afterAll.rss),
      rssPeak: Math.round(afterAll.peak),
      rssGrowth: Math.round(afterAll.rss - startRss),
      peakGrowth: Math.round(afterAll.peak - startRss),
    };
    console.log(`bench: ${database} index: ${JSON.stringify(figures.index)}`);

    await backend.stop();
    backend = await startBackend({
      name: `bench-${database}-routes`,
      port,
      config: config('PT2M', 'PT10S'),
      dir,
    });
    await sleep(15_000);
    token = await guestToken(backend.url);
    figures.seeded = await seed(backend.url, token);
    console.log(`bench: ${database} seeded: ${JSON.stringify(figures.seeded)}`);

    const entity = `component:default/${entityName(7)}`;
    const reliability = `${backend.url}/api/reliability`;
    const routes = {
      'health (the ceiling of this process)': { url: `${reliability}/health` },
      'catalog by-name (Backstage itself)': {
        url: `${
          backend.url
        }/api/catalog/entities/by-name/component/default/${entityName(7)}`,
        token,
      },
      'runbooks by entity': {
        url: `${reliability}/runbooks?entityRef=${entity}`,
        token,
      },
      'runbook by alert': {
        url: `${reliability}/runbooks/by-alert/Svc0007Saturated?namespace=${entityName(
          7,
        )}`,
        token,
      },
      'one runbook': { url: `${reliability}/runbooks/default/rb-00007`, token },
      'postmortem list (an entity)': {
        url: `${reliability}/postmortems?entityRef=${entity}`,
        token,
      },
      'incident list': { url: `${reliability}/incidents?status=open`, token },
      'backup status (recovery plans of an entity)': {
        url: `${reliability}/recovery-plans?entityRef=${entity}`,
        token,
      },
      'incident webhook (a repeat)': {
        url: `${reliability}/webhooks/alertmanager`,
        token: 'demo-alertmanager-token',
        method: 'POST',
        body: storm(1_000_000, 'BenchRepeat', 1),
      },
    };
    // A first delivery, so that the measured ones are repeats.
    await api(backend.url, '/webhooks/alertmanager', {
      token: 'demo-alertmanager-token',
      method: 'POST',
      body: routes['incident webhook (a repeat)'].body,
    });
    // Work in the measured window: 1 % of the files changed and pushed
    // (the index pass reads them), and every recovery plan judged, both
    // started through the scheduler's own trigger.
    let round = 0;
    const trigger = id =>
      fetch(`${reliability}/.backstage/scheduler/v1/tasks/${id}/trigger`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      }).then(r => r.status);
    const busy = async () => {
      round += 1;
      const changed = Math.max(1, Math.round(RUNBOOKS / 100));
      for (let i = 0; i < changed; i++) {
        repo.write((i * 89 + round * 7) % RUNBOOKS, 100 + round);
      }
      repo.commit(`busy window ${round}`);
      const statuses = await Promise.all([
        trigger('reliability-runbook-index'),
        trigger('reliability-recovery-evaluation'),
      ]);
      figures.busyTriggers = [...(figures.busyTriggers ?? []), ...statuses];
    };
    // The work of a window ends before the next route is measured: the
    // evaluation of 1,000 plans outlasts a 10 s window.
    const idle = async () => {
      for (let i = 0; i < 240; i++) {
        const { tasks = [] } = await (
          await fetch(`${reliability}/.backstage/scheduler/v1/tasks`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json();
        const busyNow = tasks.some(
          t =>
            [
              'reliability-runbook-index',
              'reliability-recovery-evaluation',
            ].includes(t.taskId) && t.taskState?.status === 'running',
        );
        if (!busyNow) return;
        await sleep(500);
      }
    };
    for (const [name, r] of Object.entries(routes)) {
      const reads = !r.method && !/health|catalog by-name/.test(name);
      figures.routes[name] = await route(r.url, {
        ...r,
        ...(reads ? { busy } : {}),
      });
      if (reads) await idle();
      console.log(
        `bench: ${database} ${name}: ${JSON.stringify(figures.routes[name])}`,
      );
    }

    // Postmortem creates, both figures: every acknowledged one stored.
    const count = async () =>
      (await api(backend.url, '/postmortems?limit=1', { token })).body
        .totalCount;
    const before = await count();
    const creates = await route(`${reliability}/postmortems`, {
      token,
      method: 'POST',
      body: { title: 'Bench write', entityRefs: [] },
    });
    const stored = (await count()) - before;
    figures.routes['postmortem create'] = creates;
    figures.writes = {
      rps: creates.rps,
      acknowledged: creates.acknowledged,
      stored,
      errors: creates.errors + creates.pacedErrors,
    };
    console.log(`bench: ${database} writes: ${JSON.stringify(figures.writes)}`);

    // The storm: STORM alerts over a minute in 20 groups, each delivered
    // once and 10 % of them twice (Alertmanager's retries).
    const started = Date.now();
    const sent = [];
    const interval = (STORM_SECONDS * 1000) / STORM;
    const pending = [];
    for (let i = 0; i < STORM; i++) {
      const wait = started + i * interval - Date.now();
      if (wait > 0) await sleep(wait);
      const body = storm(i, `BenchStorm${i % 20}`, 1);
      const deliver = () =>
        api(backend.url, '/webhooks/alertmanager', {
          token: 'demo-alertmanager-token',
          method: 'POST',
          body,
        }).then(r => sent.push(r.status));
      pending.push(deliver());
      if (i % 10 === 0) pending.push(deliver());
    }
    await Promise.all(pending);
    const stormSeconds = (Date.now() - started) / 1000;
    const incidents = (
      await api(backend.url, '/incidents?status=open', { token })
    ).body.items.filter(i => /^BenchStorm/.test(i.title));
    const fingerprints = [];
    for (const i of incidents) {
      const full = (await api(backend.url, `/incidents/${i.id}`, { token }))
        .body;
      fingerprints.push(...full.alerts.map(a => a.fingerprint));
    }
    figures.storm = {
      alerts: STORM,
      deliveries: sent.length,
      seconds: Math.round(stormSeconds),
      failed: sent.filter(s => s !== 200).length,
      incidents: incidents.length,
      stored: fingerprints.length,
      distinct: new Set(fingerprints).size,
    };
    console.log(`bench: ${database} storm: ${JSON.stringify(figures.storm)}`);

    // One notification of 1,000 alerts (a group as wide as a cluster's
    // outage), each of its own alert name and runbook: how long it takes to
    // answer, and how many requests it makes of the catalog (counted in the
    // backend's request log).
    const catalogRequests = () =>
      backend.lines(/"(GET|POST) \/api\/catalog\/entities/).length;
    const catalogBefore = catalogRequests();
    const wideStarted = Date.now();
    const wide = await api(backend.url, '/webhooks/alertmanager', {
      token: 'demo-alertmanager-token',
      method: 'POST',
      body: wideNotification(1000),
    });
    figures.wide = {
      alerts: 1000,
      ms: Date.now() - wideStarted,
      status: wide.status,
      catalogRequests: catalogRequests() - catalogBefore,
    };
    console.log(`bench: ${database} wide: ${JSON.stringify(figures.wide)}`);
    return figures;
  } finally {
    await backend.stop();
  }
}

// One notification of `count` alerts in one group, each named like a
// runbook's trigger (Svc0007Down, …), so each is matched to its runbook and
// entity.
function wideNotification(count) {
  const kinds = ['Down', 'Slow', 'Errors', 'Saturated'];
  const body = storm(2_000_000, 'BenchWide', count);
  body.alerts.forEach((alert, k) => {
    alert.labels.alertname = `Svc${String(k % ENTITIES).padStart(4, '0')}${
      kinds[k % 4]
    }`;
  });
  return body;
}

// A notification of one alert of `group`, fingerprint from `i`.
function storm(i, group, count) {
  return {
    version: '4',
    groupKey: `{}:{alertname="${group}"}`,
    status: 'firing',
    receiver: 'backstage',
    groupLabels: { alertname: group },
    commonLabels: { alertname: group },
    commonAnnotations: { summary: group },
    externalURL: 'http://alertmanager.bench:9093',
    alerts: Array.from({ length: count }, (_, k) => ({
      status: 'firing',
      labels: {
        alertname: group,
        instance: `node-${i}-${k}`,
        service: 'insights-api',
      },
      annotations: { summary: group },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.bench:9090/graph',
      fingerprint: (0x10000000 + i * 16 + k).toString(16),
    })),
  };
}

export async function loadBenchmark({ dir, pg }) {
  const results = [];
  results.push(
    await run({
      database: 'SQLite',
      dir,
      port: 7141,
      config: `  database:
    client: better-sqlite3
    connection: { directory: ${JSON.stringify(join(dir, 'sqlite'))} }
`,
    }),
  );
  if (pg) {
    const prefix = await postgresPrefix(pg);
    try {
      results.push(
        await run({
          database: 'PostgreSQL',
          dir,
          port: 7142,
          config: prefix.config,
        }),
      );
    } finally {
      await prefix.drop();
    }
  }
  return {
    entities: ENTITIES,
    runbooks: RUNBOOKS,
    seconds: DURATION,
    storm: { alerts: STORM, seconds: STORM_SECONDS },
    results,
  };
}
