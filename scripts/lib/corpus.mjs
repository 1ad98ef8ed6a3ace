// A synthetic organisation for the benchmarks and the fault suite: catalog
// entities (components in systems, owned by teams) and runbook files of a
// realistic size, each answering alerts with labels, kept in a real Git
// repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pad = (n, width = 4) => String(n).padStart(width, '0');
export const entityName = i => `svc-${pad(i)}`;

// A deterministic pseudo-random sequence, so every run writes the same corpus.
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const VERBS = ['restart', 'scale', 'drain', 'fail over', 'roll back', 'flush'];
const THINGS = [
  'pods',
  'the queue',
  'the cache',
  'the replica',
  'the deployment',
  'connections',
];

/** One runbook file (YAML) of about 2–3 KB. */
export function runbookText(i, entities, revision = 0) {
  const r = random(i * 7919 + revision);
  const entity = entityName(i % entities);
  const severity = `P${1 + Math.floor(r() * 4)}`;
  const alert = `Svc${pad(i % entities)}${
    ['Down', 'Slow', 'Errors', 'Saturated'][i % 4]
  }`;
  const step = k =>
    `    - title: Step ${k + 1} — ${VERBS[Math.floor(r() * VERBS.length)]} ${
      THINGS[Math.floor(r() * THINGS.length)]
    }
      run: kubectl -n ${entity} ${
      [
        'get pods',
        'rollout restart deploy/api',
        'scale deploy/api --replicas=4',
        'logs deploy/api --tail=200',
      ][k % 4]
    }
      description: Watch the error rate on the dashboard while this runs; it should fall within five minutes.`;
  return `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: rb-${pad(i, 5)}
  title: ${entity} ${alert} (${revision ? `revision ${revision}` : 'first'})
spec:
  entityRefs: [component:default/${entity}]
  owner: group:default/team-${pad(i % 50, 2)}
  severity: ${severity}
  category: ${['db', 'network', 'app', 'infra'][i % 4]}
  summary: >-
    ${entity} answers slowly or not at all when ${alert} fires. Check the
    dependencies first, then the pods; roll back a release from the last hour.
  impact: Requests to ${entity} fail; callers retry and queue up.
  symptoms: [5xx on the ingress, Latency above the SLO, Pods restarting]
  triggers:
    - alertName: ${alert}
      labels: { namespace: ${entity}, tier: backend }
  diagnosis:
${[0, 1].map(step).join('\n')}
  steps:
${[2, 3, 4, 5].map(step).join('\n')}
  escalation: { contacts: [group:default/team-${pad(i % 50, 2)}], after: 30m }
  review: { lastReviewed: '2026-10-01', intervalDays: 90 }
`;
}

/**
 * The recovery plan of entity `e`: its database (backed up nightly, drilled
 * weekly), its object storage (daily, off-site)
 * and its cache (stateless), a scenario and a degraded mode.
 */
export function recoveryPlanText(e) {
  const entity = entityName(e);
  return `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata:
  name: plan-${entity}
  title: ${entity} recovery plan
spec:
  entityRefs: [component:default/${entity}]
  owner: group:default/team-${pad(e % 50, 2)}
  components:
    - name: db
      title: PostgreSQL of ${entity}
      data: Orders, customers and their history
      criticality: critical
      rpo: 24h
      rto: 1h
      backups:
        - { name: full, type: full, tool: pgbackrest, schedule: 0 1 * * *, retention: 14 full, offSite: true }
      drill: { cadence: 7d, staleAfter: 8d, runbook: rb-${pad(e, 5)} }
    - name: objects
      title: Uploads bucket
      criticality: high
      rpo: 24h
      rto: 4h
      backups:
        - { name: daily, type: full, tool: restic, schedule: 0 3 * * *, retention: 30 daily, offSite: true }
    - name: cache
      stateless: Redis, refilled from the database on start
  scenarios:
    - { name: pod-restart, rto: 2m, rpo: '0', recovery: automatic }
    - { name: volume-loss, rto: 1h, rpo: 24h, recovery: manual, runbook: rb-${pad(
      e,
      5,
    )} }
  degradedModes:
    - { component: cache, impact: Pages load slowly, workaround: none needed, severity: P3 }
    - { component: db, impact: Nothing can be saved, workaround: none, severity: P1 }
`;
}

/** The catalog: `entities` components in 20 systems, owned by 50 teams. */
export function catalogText(entities) {
  const docs = [];
  for (let t = 0; t < 50; t++) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-${pad(t, 2)} }
spec: { type: team, children: [] }`);
  }
  for (let s = 0; s < 20; s++) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: system-${pad(s, 2)} }
spec: { owner: team-${pad(s, 2)} }`);
  }
  for (let i = 0; i < entities; i++) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${entityName(i)}, title: Service ${i} }
spec: { type: service, lifecycle: production, owner: team-${pad(
      i % 50,
      2,
    )}, system: system-${pad(i % 20, 2)} }`);
  }
  return `${docs.join('\n---\n')}\n`;
}

const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A bare repository at `dir/runbooks.git` holding `count` runbook files
 * (and the recovery plans of the first `plans` entities) under `runbooks/`, and a working copy at `dir/work` to change them.
 * Returns `commit(message)` and where things are.
 */
export function runbookRepository(dir, { count, entities, plans = 0 }) {
  const work = join(dir, 'work');
  const bare = join(dir, 'runbooks.git');
  mkdirSync(join(work, 'runbooks'), { recursive: true });
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'config', 'user.email', 'bench@example.com');
  git(work, 'config', 'user.name', 'bench');
  git(work, 'remote', 'add', 'origin', bare);
  const write = (i, revision = 0) =>
    writeFileSync(
      join(work, 'runbooks', `rb-${pad(i, 5)}.yaml`),
      runbookText(i, entities, revision),
    );
  for (let i = 0; i < count; i++) write(i);
  for (let e = 0; e < plans; e++) {
    writeFileSync(
      join(work, 'runbooks', `plan-${entityName(e)}.yaml`),
      recoveryPlanText(e),
    );
  }
  const commit = message => {
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', message);
    git(work, 'push', '-q', 'origin', 'main');
  };
  commit('runbooks');
  return { work, bare, write, commit };
}
