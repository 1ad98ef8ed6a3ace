import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { fileComponent } from '../__testUtils__/entities';
import { reliabilityPlugin } from '../plugin';

const databases = TestDatabases.create();

const POSTGRES_DOWN = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: postgres-down
  title: PostgreSQL is down
spec:
  entityRefs: [resource:insights-postgres, component:insights-api]
  severity: P1
  summary: <script>alert('xss')</script> Connections are refused.
  symptoms: [The API crash-loops]
  triggers:
    - alertName: PostgresDown
      labels: { namespace: insights }
  immediateActions:
    - run: kubectl delete pod postgresql-0 -n insights
---
apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: api-slow
spec:
  severity: P3
  colour: red
  triggers:
    - alertName: ApiSlow
`;

const entity = fileComponent;

describe.each(databases.eachSupportedId())('runbook API on %s', databaseId => {
  const dir = mkdtempSync(join(tmpdir(), 'runbook-routes-'));
  mkdirSync(join(dir, 'runbooks'));
  writeFileSync(join(dir, 'runbooks', 'postgres.yaml'), POSTGRES_DOWN);
  writeFileSync(
    join(dir, 'runbooks', 'KubeAPIDown.md'),
    '# KubeAPIDown\n\n## Meaning\nThe API server is gone.\n\n## Mitigation\n```\nsystemctl restart kubelet\n```\n',
  );
  writeFileSync(join(dir, 'runbooks', 'README.md'), '# Our runbooks\n');
  const entities = [
    entity('insights-api', dir, './runbooks'),
    entity('sneaky', dir, '../../../../etc'),
    entity('remote-file', dir, 'file:///etc/passwd'),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'insights-postgres', namespace: 'default' },
      spec: { owner: 'platform-team' },
    },
  ];

  async function startBackend(
    options: {
      result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      entities?: Entity[];
      config?: JsonObject;
    } = {},
  ) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory({
          result: options.result ?? AuthorizeResult.ALLOW,
        }),
        catalogServiceMock.factory({ entities: options.entities ?? entities }),
        ...(options.config
          ? [mockServices.rootConfig.factory({ data: options.config })]
          : []),
      ],
    });
    return server;
  }

  async function refresh(server: any, entityRef: string) {
    return request(server)
      .post('/api/reliability/runbooks/refresh')
      .send({ entityRef });
  }

  it('indexes an entity on demand and serves its runbooks, one by one and by alert', async () => {
    const server = await startBackend();
    const refreshed = await refresh(server, 'component:default/insights-api');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.locations[0]).toMatchObject({
      id: 'entity:component:default/insights-api',
      entityRef: 'component:default/insights-api',
    });
    expect(refreshed.body.locations[0].lastError).toBeUndefined();
    expect(refreshed.body.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'runbooks/postgres.yaml',
        line: 23,
        message: 'unknown field spec.colour, ignored',
        runbook: 'api-slow',
      }),
    ]);

    const list = await request(server).get(
      '/api/reliability/runbooks?entityRef=component:insights-api',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: any) => r.name)).toEqual([
      'api-slow',
      'kube-api-down',
      'postgres-down',
    ]);
    const pg = list.body.items.find((r: any) => r.name === 'postgres-down');
    expect(pg).toMatchObject({
      title: 'PostgreSQL is down',
      severity: 'P1',
      entityRefs: [
        'resource:default/insights-postgres',
        'component:default/insights-api',
      ],
      triggers: [
        { alertName: 'PostgresDown', labels: { namespace: 'insights' } },
      ],
      sourceUrl: 'runbooks/postgres.yaml',
      stale: false,
    });
    // Nothing the API answers names a path of the server's disk.
    for (const path of [
      '/api/reliability/runbooks?entityRef=component:insights-api',
      '/api/reliability/runbooks?view=full',
      '/api/reliability/runbooks/index-status?entityRef=component:insights-api',
      '/api/reliability/runbooks/default/postgres-down',
    ]) {
      const answer = await request(server).get(path);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(dir);
    }
    expect(Date.parse(pg.lastSyncedAt)).not.toBeNaN();

    // The runbook also serves the resource it names.
    const forDb = await request(server).get(
      '/api/reliability/runbooks?entityRef=resource:default/insights-postgres',
    );
    expect(forDb.body.items.map((r: any) => r.name)).toEqual(['postgres-down']);

    const one = await request(server).get(
      '/api/reliability/runbooks/default/postgres-down',
    );
    expect(one.status).toBe(200);
    expect(one.body.document.spec.immediateActions).toEqual([
      { run: 'kubectl delete pod postgresql-0 -n insights' },
    ]);
    expect(one.body.document.spec.symptoms).toEqual(['The API crash-loops']);

    const md = await request(server).get(
      '/api/reliability/runbooks/by-alert/KubeAPIDown',
    );
    expect(md.body.items.map((r: any) => r.name)).toEqual(['kube-api-down']);
    const byAlert = await request(server).get(
      '/api/reliability/runbooks/by-alert/PostgresDown?namespace=insights',
    );
    expect(byAlert.body.items.map((r: any) => r.name)).toEqual([
      'postgres-down',
    ]);
    const otherNamespace = await request(server).get(
      '/api/reliability/runbooks/by-alert/PostgresDown?namespace=staging',
    );
    expect(otherNamespace.body.items).toEqual([]);

    const status = await request(server).get(
      '/api/reliability/runbooks/index-status?entityRef=component:default/insights-api',
    );
    expect(status.body.problems).toHaveLength(1);
    expect(status.body.locations[0].lastSuccessAt).toEqual(expect.any(String));
  });

  it('answers view=full a page at a time, with the count', async () => {
    const server = await startBackend();
    await refresh(server, 'component:default/insights-api');
    const full = (query: string) =>
      request(server).get(`/api/reliability/runbooks?view=full${query}`);
    const all = await full('');
    expect(all.body.totalCount).toBe(3);
    expect(all.body.items.map((r: any) => r.name)).toEqual([
      'api-slow',
      'kube-api-down',
      'postgres-down',
    ]);
    const pages = [await full('&limit=2'), await full('&limit=2&offset=2')];
    expect(pages.map(p => p.body.items.map((r: any) => r.name))).toEqual([
      ['api-slow', 'kube-api-down'],
      ['postgres-down'],
    ]);
    expect(pages.map(p => p.body.totalCount)).toEqual([3, 3]);
    expect(pages[1].body.items[0].document.spec.immediateActions).toEqual([
      { run: 'kubectl delete pod postgresql-0 -n insights' },
    ]);
    // At most 100 whole runbooks in one answer.
    expect((await full('&limit=101')).status).toBe(400);
  });

  it('warns about entity refs the catalog does not know, and keeps the runbook', async () => {
    const ghostDir = mkdtempSync(join(tmpdir(), 'runbook-ghost-'));
    mkdirSync(join(ghostDir, 'runbooks'));
    writeFileSync(
      join(ghostDir, 'runbooks', 'ghost.yaml'),
      'apiVersion: reliability.io/v1alpha1\nkind: Runbook\nmetadata: { name: ghost-runbook }\nspec:\n  entityRefs: [component:default/ghost]\n',
    );
    const server = await startBackend({
      entities: [entity('haunted', ghostDir, './runbooks')],
    });
    const refreshed = await refresh(server, 'component:default/haunted');
    expect(refreshed.body.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 1,
        runbook: 'ghost-runbook',
        message:
          'spec.entityRefs names component:default/ghost, which is not in the catalog',
      }),
    ]);
    const one = await request(server).get(
      '/api/reliability/runbooks/default/ghost-runbook',
    );
    expect(one.status).toBe(200);
  });

  it('refuses more files in a location than the limit allows, saying so', async () => {
    const server = await startBackend({
      config: { reliability: { runbooks: { limits: { maxFiles: 1 } } } },
    });
    const refreshed = await refresh(server, 'component:default/insights-api');
    expect(refreshed.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'error',
          message:
            'more than 1 runbook files: only the first 1 (by path) were read',
        }),
      ]),
    );
  });

  it('refuses a second file defining the same runbook, naming both, and indexes the rest', async () => {
    const dupDir = mkdtempSync(join(tmpdir(), 'runbook-dup-'));
    mkdirSync(join(dupDir, 'runbooks'));
    const doc = (title: string) =>
      `apiVersion: reliability.io/v1alpha1\nkind: Runbook\nmetadata: { name: same, title: ${title} }\nspec: {}\n`;
    writeFileSync(join(dupDir, 'runbooks', 'a.yaml'), doc('First'));
    writeFileSync(join(dupDir, 'runbooks', 'b.yaml'), doc('Second'));
    const server = await startBackend({
      entities: [entity('twice', dupDir, './runbooks')],
    });
    const refreshed = await refresh(server, 'component:default/twice');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'runbooks/b.yaml',
        message:
          'duplicate runbook name default/same: runbooks/a.yaml already defines it',
      }),
    ]);
    const one = await request(server).get(
      '/api/reliability/runbooks/default/same',
    );
    expect(one.body.title).toBe('First');
  });

  it('reads every folder the annotation names: runbooks beside a recovery/ folder of plans', async () => {
    const twoDir = mkdtempSync(join(tmpdir(), 'runbook-two-'));
    mkdirSync(join(twoDir, 'runbooks'));
    mkdirSync(join(twoDir, 'recovery'));
    writeFileSync(join(twoDir, 'runbooks', 'postgres.yaml'), POSTGRES_DOWN);
    writeFileSync(
      join(twoDir, 'recovery', 'plan.yaml'),
      `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: two-folders, title: Two folders plan }
spec:
  components:
    - name: api
      criticality: low
      rto: 1h
      drill: { cadence: monthly, runbook: postgres-down }
`,
    );
    const server = await startBackend({
      entities: [
        entity('two-folders', twoDir, ' ./runbooks,\n ./recovery , ./runbooks'),
      ],
    });
    const refreshed = await refresh(server, 'component:default/two-folders');
    expect(refreshed.status).toBe(200);
    expect(
      refreshed.body.locations.map((l: any) => [l.id, l.target]).sort(),
    ).toEqual([
      ['entity:component:default/two-folders', './runbooks'],
      ['entity:component:default/two-folders:./recovery', './recovery'],
    ]);
    // Each folder's problems name its own files.
    const problems = refreshed.body.problems;
    expect(problems.filter((p: any) => p.severity === 'error')).toEqual([]);
    expect([...new Set(problems.map((p: any) => p.file))].sort()).toEqual([
      'recovery/plan.yaml',
      'runbooks/postgres.yaml',
    ]);
    const runbooks = await request(server).get(
      '/api/reliability/runbooks?entityRef=component%3Adefault%2Ftwo-folders',
    );
    expect(runbooks.body.items.map((r: any) => r.name).sort()).toEqual([
      'api-slow',
    ]);
    const plans = await request(server).get(
      '/api/reliability/recovery-plans?entityRef=component%3Adefault%2Ftwo-folders',
    );
    expect(plans.status).toBe(200);
    expect(plans.body.items.map((p: any) => p.title)).toEqual([
      'Two folders plan',
    ]);
    // The plan's drill runbook, in the other folder, is known.
    expect(plans.body.items[0].unresolvedRunbooks).toEqual([]);
  });

  it('does not follow a symbolic link out of the catalog file folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'runbook-outside-'));
    writeFileSync(
      join(outside, 'secret.yaml'),
      'apiVersion: reliability.io/v1alpha1\nkind: Runbook\nmetadata: { name: secret }\nspec: {}\n',
    );
    const linkDir = mkdtempSync(join(tmpdir(), 'runbook-link-'));
    symlinkSync(outside, join(linkDir, 'runbooks'));
    const server = await startBackend({
      entities: [entity('linked', linkDir, './runbooks')],
    });
    const refreshed = await refresh(server, 'component:default/linked');
    expect(refreshed.body.locations[0].lastError).toMatch(/is outside/);
    expect(
      (await request(server).get('/api/reliability/runbooks/default/secret'))
        .status,
    ).toBe(404);
  });

  it('never reads outside the catalog file folder, nor non-http URLs', async () => {
    const server = await startBackend();
    await refresh(server, 'component:default/sneaky');
    const sneaky = await request(server).get(
      '/api/reliability/runbooks/index-status?entityRef=component:default/sneaky',
    );
    expect(sneaky.body.locations[0].lastError).toMatch(/is outside/);

    await refresh(server, 'component:default/remote-file');
    const remote = await request(server).get(
      '/api/reliability/runbooks/index-status?entityRef=component:default/remote-file',
    );
    expect(remote.body.problems[0].message).toMatch(
      /file:\/\/\/etc\/passwd is not an http\(s\) URL/,
    );
    const none = await request(server).get('/api/reliability/runbooks');
    expect(none.body.items).toEqual([]);
  });

  it('refuses a refresh the permission policy denies, and reads nothing', async () => {
    const server = await startBackend({ result: AuthorizeResult.DENY });
    const denied = await refresh(server, 'component:default/insights-api');
    expect(denied.status).toBe(403);
    const list = await request(server).get('/api/reliability/runbooks');
    expect(list.body.items).toEqual([]);
  });

  it('answers bad input with 400 and unknown things with 404', async () => {
    const server = await startBackend();
    expect((await refresh(server, 'kind:')).status).toBe(400);
    expect(
      (await request(server).post('/api/reliability/runbooks/refresh').send({}))
        .status,
    ).toBe(400);
    expect(
      (await request(server).get('/api/reliability/runbooks/default/Nope'))
        .status,
    ).toBe(400);
    expect(
      (await request(server).get('/api/reliability/runbooks/default/nope'))
        .status,
    ).toBe(404);
    expect(
      (await request(server).get('/api/reliability/runbooks/by-alert/%20x'))
        .status,
    ).toBe(400);
    expect((await refresh(server, 'component:default/ghost')).status).toBe(404);
  });

  it('needs credentials to read runbooks, but not for the JSON Schema', async () => {
    const server = await startBackend();
    const anonymous = mockCredentials.none.header();
    expect(
      (
        await request(server)
          .get('/api/reliability/runbooks')
          .set('Authorization', anonymous)
      ).status,
    ).toBe(401);
    const schema = await request(server)
      .get('/api/reliability/schemas/runbook.json')
      .set('Authorization', anonymous);
    expect(schema.status).toBe(200);
    expect(schema.body.title).toBe('Runbook');
  });

  it('exports runbooks as one self-contained HTML file, by entity or by severity', async () => {
    const server = await startBackend();
    await refresh(server, 'component:default/insights-api');

    const byEntity = await request(server).get(
      '/api/reliability/runbooks/export?entityRef=component:default/insights-api',
    );
    expect(byEntity.status).toBe(200);
    expect(byEntity.headers['content-type']).toMatch(/^text\/html/);
    expect(byEntity.headers['content-disposition']).toMatch(
      /^attachment; filename="runbooks-component-default-insights-api-\d{4}-\d{2}-\d{2}\.html"$/,
    );
    expect(byEntity.headers['access-control-expose-headers']).toBe(
      'Content-Disposition',
    );
    const html: string = byEntity.text;
    expect(html).toContain('PostgreSQL is down');
    expect(html).toContain('kubectl delete pod postgresql-0 -n insights');
    expect(html).toContain('kube-api-down');
    // Nothing to run and nothing to fetch: the runbook's own HTML is text.
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);

    const bySeverity = await request(server).get(
      '/api/reliability/runbooks/export?severity=P3',
    );
    expect(bySeverity.text).toContain('api-slow');
    expect(bySeverity.text).not.toContain('PostgreSQL is down');

    expect(
      (await request(server).get('/api/reliability/runbooks/export')).status,
    ).toBe(400);
    expect(
      (
        await request(server).get(
          '/api/reliability/runbooks/export?severity=P9',
        )
      ).status,
    ).toBe(400);
  });

  it('serves the configured severities, most severe first', async () => {
    const server = await startBackend();
    const response = await request(server).get('/api/reliability/severities');
    expect(
      response.body.items.map((s: any) => [s.id, s.responseTarget]),
    ).toEqual([
      ['P1', '15 minutes'],
      ['P2', '1 hour'],
      ['P3', '4 hours'],
      ['P4', 'next business day'],
    ]);
  });
});
