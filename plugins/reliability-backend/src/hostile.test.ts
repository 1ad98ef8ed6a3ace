import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startRecoveryBackend,
  TEST_PLAN,
} from './__testUtils__/recoveryBackend';

// The hostile-input corpus: runbook files, recovery plans, postmortems,
// Alertmanager payloads, backup events and incident writes that are wrong
// on purpose. Each must get an error naming what is wrong — never a 500 or
// "Maximum call stack size exceeded" — and nothing stored may be lost or
// corrupted.

const databases = TestDatabases.create();
jest.setTimeout(60_000);

const HEAD = 'apiVersion: reliability.io/v1alpha1\nkind: Runbook\n';
const runbook = (
  name: string,
  spec = '  severity: P2\n  steps: [do it]\n',
  meta = '',
) => `${HEAD}metadata: { name: ${name}${meta} }\nspec:\n${spec}`;
const plan = (name: string, spec: string) =>
  `apiVersion: reliability.io/v1alpha1\nkind: RecoveryPlan\nmetadata: { name: ${name} }\nspec:\n${spec}`;
const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]']
  .concat(
    'bcdefgh'
      .split('')
      .map(
        (c, i) =>
          `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`,
      ),
  )
  .join('\n');

// File → what its problem must say.
const FILES: Array<[string, string | Buffer, RegExp]> = [
  ['alias-bomb.yaml', bomb, /Excessive alias count/],
  [
    'huge.yaml',
    runbook('huge', `  severity: P2\n  summary: "${'x'.repeat(600_000)}"\n`),
    /more than the limit of 524288/,
  ],
  [
    'binary.yaml',
    Buffer.from([0x61, 0x3a, 0x00, 0x01, 0x02]),
    /binary \(it contains NUL bytes\)/,
  ],
  [
    'invalid-utf8.yaml',
    Buffer.concat([
      Buffer.from(runbook('bad-utf8')),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    ]),
    /not UTF-8 text: the byte at offset \d+/,
  ],
  [
    'deep-flow.yaml',
    runbook('deep', `  severity: P2\n  summary: ${nested(5000)}\n`),
    /nested more than 64 levels deep/,
  ],
  [
    'deep-indent.yaml',
    runbook(
      'deep-indent',
      `  severity: P2\n  x:\n${Array.from(
        { length: 200 },
        (_, i) => `${'  '.repeat(i + 2)}k${i}:`,
      ).join('\n')}\n`,
    ),
    /nested more than 64 levels deep/,
  ],
  [
    'unsafe-tag.yaml',
    runbook(
      'unsafe-tag',
      '  severity: !!js/function "function(){ return 1 }"\n',
    ),
    /Unresolved tag|is not a configured severity/,
  ],
  [
    'wrong-types.yaml',
    runbook('wrong-types', '  severity: 5\n  steps: 12\n'),
    /spec.severity must be string|spec.steps must be array/,
  ],
  ['dup-a.yaml', runbook('same-name'), /^$/],
  [
    'dup-b.yaml',
    runbook('same-name'),
    /duplicate runbook name default\/same-name: .*dup-a.yaml already defines it/,
  ],
  [
    'future-review.yaml',
    runbook(
      'future-review',
      '  severity: P2\n  review: { lastReviewed: "2099-01-01", intervalDays: 90 }\n',
    ),
    /lastReviewed 2099-01-01 is in the future/,
  ],
  [
    'reversed-review.yaml',
    runbook(
      'reversed',
      '  severity: P2\n  review: { lastReviewed: "not a date", intervalDays: -4 }\n',
    ),
    /must be a date such as|must be >= 1/,
  ],
  [
    'many-docs.yaml',
    Array.from({ length: 101 }, (_, i) => runbook(`doc-${i}`)).join('\n---\n'),
    /101 YAML documents, more than the limit of 100/,
  ],
  [
    'syntax.yaml',
    `${HEAD}metadata: { name: [broken\n`,
    /must be sufficiently indented|Flow/,
  ],
  [
    'dup-keys.yaml',
    runbook('dup-keys', '  severity: P2\n  severity: P1\n'),
    /Map keys must be unique/,
  ],
  [
    'bad-name.yaml',
    runbook('Not A Valid Name!'),
    /metadata.name must be lower-case letters, digits and dashes/,
  ],
  [
    'unknown-severity.yaml',
    runbook('unknown-sev', '  severity: SEV9\n'),
    /"SEV9" is not a configured severity/,
  ],
  [
    'no-version.yaml',
    'kind: Runbook\nmetadata: { name: no-version }\nspec: {}\n',
    /apiVersion must be reliability.io\/v1alpha1/,
  ],
  [
    'bad-step.yaml',
    runbook('bad-step', '  severity: P2\n  steps: [{ run: a, verify: b }]\n'),
    /must have exactly one of run, verify or manual \(it has run and verify\)/,
  ],
  [
    'bad-timeout.yaml',
    runbook(
      'bad-timeout',
      '  severity: P2\n  steps: [{ run: a, timeout: soon }]\n',
    ),
    /timeout must be a duration such as 30s, 5m, 1h/,
  ],
  [
    'plan-bad-objective.yaml',
    plan(
      'plan-bad-objective',
      '  components:\n    - { name: db, rpo: soon }\n',
    ),
    /"soon" is not a duration/,
  ],
  [
    'plan-schedule.yaml',
    plan(
      'plan-schedule',
      '  components:\n    - { name: db, backups: [{ name: full, schedule: daily-ish }] }\n',
    ),
    /"daily-ish" is not a schedule/,
  ],
  [
    'plan-dup.yaml',
    plan(
      'plan-dup',
      '  components:\n    - { name: db, stateless: x }\n    - { name: db, stateless: y }\n',
    ),
    /duplicate component name db/,
  ],
  [
    'plan-cadence.yaml',
    plan(
      'plan-cadence',
      '  components:\n    - { name: db, drill: { cadence: often } }\n',
    ),
    /cadence/,
  ],
  [
    'plan-severity.yaml',
    plan(
      'plan-severity',
      '  components:\n    - { name: db, stateless: x }\n  degradedModes:\n    - { component: db, impact: x, severity: SEV0 }\n',
    ),
    /SEV0/,
  ],
];

const alert = (extra: object = {}) => ({
  status: 'firing',
  labels: { alertname: 'Hostile' },
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  fingerprint: 'abcdef01',
  ...extra,
});
const notification = (extra: object = {}) => ({
  version: '4',
  groupKey: '{}:{alertname="Hostile"}',
  status: 'firing',
  receiver: 'r',
  alerts: [alert()],
  ...extra,
});
const event = (extra: object = {}) => ({
  id: 'hostile-1',
  type: 'backup',
  entityRef: 'resource:default/insights-postgres',
  startedAt: new Date(Date.now() - 7200_000).toISOString(),
  finishedAt: new Date(Date.now() - 3600_000).toISOString(),
  result: 'success',
  ...extra,
});

// Request → the 4xx and what its message must say.
const REQUESTS: Array<[string, string, unknown, number, RegExp]> = [
  [
    'post',
    '/postmortems',
    { title: '' },
    400,
    /title must NOT have fewer than 1 characters/,
  ],
  [
    'post',
    '/postmortems',
    {
      title: 'x',
      milestones: {
        started: '2026-11-21T10:00:00Z',
        resolved: '2026-11-21T09:00:00Z',
      },
    },
    400,
    /milestones.resolved .*before|must not be before/,
  ],
  [
    'post',
    '/postmortems',
    { title: 'x', milestones: { started: 'yesterday' } },
    400,
    /milestones\.started/,
  ],
  [
    'post',
    '/postmortems',
    { title: 'x', colour: 'red' },
    400,
    /must NOT have additional properties/,
  ],
  [
    'post',
    '/postmortems',
    { title: 'x', authors: ['not a ref'] },
    400,
    /"not a ref" is not an entity ref/,
  ],
  [
    'post',
    '/postmortems',
    { title: 'x', usersAffected: 'many' },
    400,
    /usersAffected must be integer/,
  ],
  ['post', '/postmortems', { title: 'x', severity: 'SEV9' }, 400, /severity/],
  [
    'post',
    '/postmortems',
    { title: 'x', status: 'published' },
    400,
    /authors must name at least one author outside a draft/,
  ],
  [
    'post',
    '/postmortems',
    { title: 'x', entityRefs: ['component:default/no-such-service'] },
    400,
    /is not in the catalog/,
  ],
  [
    'post',
    '/postmortems',
    JSON.parse('{"title":"x","__proto__":{"polluted":true}}'),
    400,
    /additional properties|__proto__/,
  ],
  [
    'post',
    '/postmortems',
    { title: 'x', rootCauses: [{ deep: { deeper: 1 } }] },
    400,
    /rootCauses\/0 must be string/,
  ],
  [
    'post',
    '/postmortems',
    {
      title: 'x',
      timeline: [
        {
          at: '2026-11-21T10:00:00Z',
          event: 'x',
          link: ['javascript', 'alert(1)'].join(':'),
        },
      ],
    },
    400,
    /link must match pattern/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ alerts: [] }),
    400,
    /alerts must NOT have fewer than 1 items/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ alerts: [alert({ status: 'burning' })] }),
    400,
    /status must be equal to one of the allowed values/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ alerts: [alert({ fingerprint: "'; DROP TABLE x; --" })] }),
    400,
    /fingerprint must match pattern/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ alerts: [alert({ labels: { alertname: 5 } })] }),
    400,
    /labels\/alertname must be string/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ alerts: [alert({ labels: { severity: 'x' } })] }),
    400,
    /labels must hold alertname/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ alerts: [alert({ startsAt: 'soon' })] }),
    400,
    /startsAt must be an ISO 8601 time/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    [notification()],
    400,
    /request\/body must be object/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ groupKey: '' }),
    400,
    /groupKey must NOT have fewer than 1 characters/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ version: 4 }),
    400,
    /version must be string/,
  ],
  [
    'post',
    '/webhooks/alertmanager',
    notification({ commonAnnotations: { x: 'y'.repeat(1_100_000) } }),
    400,
    /request entity too large/,
  ],
  [
    'post',
    '/backups/events',
    {
      events: [
        event({
          startedAt: '2099-01-01T00:00:00Z',
          finishedAt: '2099-01-01T01:00:00Z',
        }),
      ],
    },
    400,
    /is in the future/,
  ],
  [
    'post',
    '/backups/events',
    {
      events: [
        event({ finishedAt: new Date(Date.now() - 9000_000).toISOString() }),
      ],
    },
    400,
    /finishedAt is before startedAt/,
  ],
  [
    'post',
    '/backups/events',
    { events: [event({ entityRef: 'resource:default/nope' })] },
    400,
    /no recovery plan covers resource:default\/nope/,
  ],
  [
    'post',
    '/backups/events',
    { events: [event({ restoreSeconds: 3 })] },
    400,
    /restoreSeconds and dataVerified belong to a drill/,
  ],
  [
    'post',
    '/backups/events',
    { events: [event({ sizeBytes: -1 })] },
    400,
    /sizeBytes must be >= 0/,
  ],
  [
    'post',
    '/backups/events',
    { events: Array.from({ length: 501 }, (_, i) => event({ id: `e${i}` })) },
    400,
    /events must NOT have more than 500 items/,
  ],
  [
    'post',
    '/backups/events',
    { events: [event({ id: 'has spaces' })] },
    400,
    /id must match pattern/,
  ],
  [
    'post',
    '/backups/events',
    { events: [event({ type: 'snapshot' })] },
    400,
    /type must be equal to one of the allowed values/,
  ],
  [
    'post',
    '/backups/events',
    { events: [event({ entityRef: 'not a ref' })] },
    400,
    /entityRef/,
  ],
  [
    'post',
    '/backups/import/pgbackrest?entityRef=resource:default/insights-postgres',
    { hello: 'world' },
    400,
    /request\/body/,
  ],
  [
    'post',
    '/backups/import/pgbackrest?entityRef=resource:default/insights-postgres',
    [{ name: 'x', status: { code: 'zero' } }],
    400,
    /Not the output of pgbackrest info/,
  ],
  [
    'post',
    '/backups/import/..%2F..%2Fetc%2Fpasswd?entityRef=resource:default/insights-postgres',
    [],
    400,
    /format must match pattern/,
  ],
  [
    'post',
    '/incidents',
    { title: 'x', severity: 'P1', startedAt: '2099-01-01T00:00:00Z' },
    400,
    /startedAt .* is in the future/,
  ],
  [
    'post',
    '/incidents',
    { title: 'x'.repeat(301), severity: 'P1' },
    400,
    /title must NOT have more than 300 characters/,
  ],
  [
    'post',
    '/incidents',
    { title: 'x', severity: 'P1', links: [{ url: 'file:///etc/passwd' }] },
    400,
    /url must match pattern/,
  ],
  [
    'post',
    '/incidents',
    { title: 'x', severity: 'P1', commander: 'group:default/platform-team' },
    400,
    /must be a user ref/,
  ],
  [
    'post',
    '/incidents/import',
    {
      externalId: 'x',
      title: 'x',
      severity: 'P1',
      status: 'resolved',
      milestones: { started: '2099-01-01T00:00:00Z' },
    },
    400,
    /milestones.started .* is in the future/,
  ],
  // The client resolves the dots: it never reaches a file.
  ['get', '/incidents/../../etc/passwd', undefined, 404, /.*/],
  [
    'get',
    '/incidents/1%20OR%201=1',
    undefined,
    400,
    /request\/params\/id must match pattern/,
  ],
  [
    'get',
    '/runbooks/export?entityRef=component:default/x&severity=P1',
    undefined,
    400,
    /either entityRef or severity/,
  ],
  ['get', '/runbooks?entityRef=%00', undefined, 400, /entityRef/],
];

describe.each(databases.eachSupportedId())(
  'the hostile-input corpus on %s',
  databaseId => {
    it('gets a clear error for each case, never a 500, and loses nothing', async () => {
      const good = runbook(
        'good-one',
        "  severity: P2\n  summary: \"<script>alert('x')</script> '; DROP TABLE reliability_runbooks; --\"\n  steps: [do it]\n",
      );
      const backend = await startRecoveryBackend(databases, databaseId, {
        plan: TEST_PLAN,
        files: { 'good.yaml': good },
      });
      const user = mockCredentials.user.header();
      // What is stored before: a runbook, a postmortem, an incident.
      const pm = await backend.post('/postmortems', { title: 'Kept' }, user);
      const incident = await backend.post(
        '/incidents',
        { title: 'Kept', severity: 'P2' },
        user,
      );
      expect([pm.status, incident.status]).toEqual([201, 201]);

      // The hostile files join the good one; the index reads them all.
      const dir = (
        await backend.get(
          '/runbooks/index-status?entityRef=component:default/insights-api',
        )
      ).body;
      expect(dir.problems).toEqual([]);
      const folder = backend.runbooksDir;
      for (const [name, content] of FILES)
        writeFileSync(join(folder, name), content);
      await backend.post(
        '/runbooks/refresh',
        { entityRef: 'component:default/insights-api' },
        user,
      );
      const { problems } = (
        await backend.get(
          '/runbooks/index-status?entityRef=component:default/insights-api',
        )
      ).body;
      for (const [name, , message] of FILES) {
        if (message.source === '^$') continue;
        const mine = problems.filter((p: any) => p.file.endsWith(name));
        expect([name, mine.map((p: any) => p.message)]).toEqual([
          name,
          expect.arrayContaining([expect.stringMatching(message)]),
        ]);
        expect(
          mine.every((p: any) => !/Maximum call stack/.test(p.message)),
        ).toBe(true);
      }
      expect(problems.every((p: any) => !p.file.includes(folder))).toBe(true);
      const served = await backend.get('/runbooks/default/good-one');
      expect(served.status).toBe(200);
      expect(served.body.document.spec.summary).toMatch(
        /^<script>alert\('x'\)<\/script> '; DROP TABLE/,
      );

      for (const [method, path, body, status, message] of REQUESTS) {
        const answer = await (backend as any)[
          method === 'get' ? 'get' : 'post'
        ](path, ...(method === 'get' ? [] : [body, user]));
        expect([
          method,
          path,
          answer.status,
          String(answer.body?.error?.message ?? answer.text).slice(0, 300),
        ]).toEqual([method, path, status, expect.stringMatching(message)]);
      }

      // Nothing stored was lost or changed.
      expect(
        (await backend.get('/postmortems')).body.items.map((p: any) => p.title),
      ).toEqual(['Kept']);
      expect(
        (await backend.get('/incidents')).body.items.map((i: any) => i.title),
      ).toEqual(['Kept']);
      expect((await backend.status()).components[0].backup.state).toBe(
        'unknown',
      );
      expect(({} as any).polluted).toBeUndefined();
      expect(FILES.length + REQUESTS.length).toBeGreaterThanOrEqual(50);
    });
  },
);
