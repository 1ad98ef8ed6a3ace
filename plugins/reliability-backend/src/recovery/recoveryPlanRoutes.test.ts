import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

const databases = TestDatabases.create();

const PLAN = `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata:
  name: insights-postgres
  title: Insights PostgreSQL recovery
spec:
  components:
    - name: postgres
      entityRef: resource:insights-postgres
      criticality: critical
      rpo: ≈ 1m
      rto: ≤ 30m
      backups:
        - name: full
          tool: pgbackrest
          schedule: 0 2 * * 0
      drill: { cadence: 7d, staleAfter: 8d, runbook: postgres-down }
  degradedModes:
    - component: postgres
      impact: The API answers 503
      severity: P1
`;

describe.each(databases.eachSupportedId())(
  'recovery plan API on %s',
  databaseId => {
    const dir = mkdtempSync(join(tmpdir(), 'recovery-plans-'));
    mkdirSync(join(dir, 'runbooks'));
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'insights-api',
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${join(
            dir,
            'catalog-info.yaml',
          )}`,
          'reliability.io/runbooks': './runbooks',
        },
      },
      spec: { owner: 'platform-team' },
    };

    // The resource the plan's component names, of the same owner.
    const postgres: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'insights-postgres', namespace: 'default' },
      spec: { owner: 'platform-team' },
    };

    async function startBackend(entities: Entity[] = [entity, postgres]) {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          catalogServiceMock.factory({ entities }),
        ],
      });
      return server;
    }
    const refresh = (server: any) =>
      request(server)
        .post('/api/reliability/runbooks/refresh')
        .send({ entityRef: 'component:default/insights-api' });

    it('indexes recovery plans beside runbooks, serves them per entity and keeps the last good copy', async () => {
      writeFileSync(join(dir, 'runbooks', 'recovery.yaml'), PLAN);
      const server = await startBackend();
      expect((await refresh(server)).body.problems).toEqual([]);

      // By the annotating entity, and by the entity of one of its components.
      for (const ref of [
        'component:default/insights-api',
        'resource:default/insights-postgres',
      ]) {
        const list = await request(server).get(
          `/api/reliability/recovery-plans?entityRef=${ref}`,
        );
        expect(list.status).toBe(200);
        expect(list.body.items).toEqual([
          expect.objectContaining({
            namespace: 'default',
            name: 'insights-postgres',
            title: 'Insights PostgreSQL recovery',
            entityRefs: [
              'component:default/insights-api',
              'resource:default/insights-postgres',
            ],
            sourceUrl: 'runbooks/recovery.yaml',
            stale: false,
          }),
        ]);
      }
      const one = await request(server).get(
        '/api/reliability/recovery-plans/default/insights-postgres',
      );
      // The drill names a runbook nobody indexed.
      expect(one.body.unresolvedRunbooks).toEqual(['default/postgres-down']);
      expect(one.body.document.spec.components[0]).toMatchObject({
        rpo: '≈ 1m',
        rto: '≤ 30m',
        drill: { cadence: '7d', staleAfter: '8d' },
      });

      // Once the runbook is there, the plan resolves it.
      writeFileSync(
        join(dir, 'runbooks', 'postgres-down.yaml'),
        'apiVersion: reliability.io/v1alpha1\nkind: Runbook\nmetadata: { name: postgres-down }\nspec: {}\n',
      );
      await refresh(server);
      expect(
        (
          await request(server).get(
            '/api/reliability/recovery-plans/default/insights-postgres',
          )
        ).body.unresolvedRunbooks,
      ).toEqual([]);

      // The file breaks: the problem is named with its line, the last good
      // copy stays served, marked stale.
      writeFileSync(
        join(dir, 'runbooks', 'recovery.yaml'),
        PLAN.replace('rpo: ≈ 1m', 'rpo: soon'),
      );
      const broken = await refresh(server);
      expect(broken.body.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: 'runbooks/recovery.yaml',
          line: 11,
          message: expect.stringMatching(
            /^spec\.components\[0\]\.rpo "soon" is not a duration/,
          ),
        }),
      ]);
      const stale = await request(server).get(
        '/api/reliability/recovery-plans/default/insights-postgres',
      );
      expect(stale.body).toMatchObject({ stale: true });
      expect(stale.body.document.spec.components[0].rpo).toBe('≈ 1m');
    });

    it('needs credentials for plans but not for their JSON Schema, and answers 404 and 400', async () => {
      const server = await startBackend();
      const schema = await request(server)
        .get('/api/reliability/schemas/recovery-plan.json')
        .set('Authorization', '');
      expect(schema.status).toBe(200);
      expect(schema.body.title).toBe('RecoveryPlan');
      const anonymous = await request(server)
        .get(
          '/api/reliability/recovery-plans?entityRef=component:default/insights-api',
        )
        .set('Authorization', 'Bearer nope');
      expect(anonymous.status).toBe(401);
      expect(
        (
          await request(server).get(
            '/api/reliability/recovery-plans/default/nope',
          )
        ).status,
      ).toBe(404);
      expect(
        (await request(server).get('/api/reliability/recovery-plans')).status,
      ).toBe(400);
    });

    it('reads one folder that two entities point at once: its runbooks and plans serve both, no duplicates', async () => {
      const shared = mkdtempSync(join(tmpdir(), 'shared-folder-'));
      mkdirSync(join(shared, 'runbooks'));
      mkdirSync(join(shared, 'worker'));
      writeFileSync(join(shared, 'runbooks', 'plan.yaml'), PLAN);
      writeFileSync(
        join(shared, 'runbooks', 'restart.yaml'),
        `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: restart-everything, title: Restart everything }
spec:
  severity: P2
  steps: [kubectl rollout restart deploy -n insights]
`,
      );
      const annotated = (
        name: string,
        catalogFile: string,
        path: string,
      ): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name,
          namespace: 'default',
          annotations: {
            'backstage.io/managed-by-location': `file:${catalogFile}`,
            'reliability.io/runbooks': path,
          },
        },
        spec: { owner: 'platform-team' },
      });
      const server = await startBackend([
        annotated(
          'insights-api',
          join(shared, 'catalog-info.yaml'),
          './runbooks',
        ),
        // The same folder, named from another catalog file.
        annotated(
          'insights-worker',
          join(shared, 'worker', 'catalog-info.yaml'),
          '../runbooks',
        ),
        postgres,
      ]);
      for (const ref of [
        'component:default/insights-worker',
        'component:default/insights-api',
        'component:default/insights-worker',
      ]) {
        expect(
          (
            await request(server)
              .post('/api/reliability/runbooks/refresh')
              .send({ entityRef: ref })
          ).status,
        ).toBe(200);
      }
      for (const ref of [
        'component:default/insights-api',
        'component:default/insights-worker',
      ]) {
        const status = await request(server).get(
          `/api/reliability/runbooks/index-status?entityRef=${ref}`,
        );
        expect(status.body.problems).toEqual([]);
        const runbooks = await request(server).get(
          `/api/reliability/runbooks?entityRef=${ref}`,
        );
        expect(runbooks.body.items.map((r: any) => r.name)).toEqual([
          'restart-everything',
        ]);
        const plans = await request(server).get(
          `/api/reliability/recovery-plans?entityRef=${ref}`,
        );
        expect(plans.body.items.map((p: any) => p.name)).toEqual([
          'insights-postgres',
        ]);
      }
      expect(
        (
          await request(server).get(
            '/api/reliability/runbooks/default/restart-everything',
          )
        ).body.entityRefs,
      ).toEqual([
        'component:default/insights-api',
        'component:default/insights-worker',
      ]);
    });
  },
);
