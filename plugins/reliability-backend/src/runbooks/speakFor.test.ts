import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

const databases = TestDatabases.create();

// The API team's folder names its own service, the same owner's Redis, the
// web team's app (which lists the API back), the SRE team's Vault (which
// does not) and an entity the catalog does not know.
const API_RUNBOOKS = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: vault-sealed
spec:
  entityRefs:
    - component:insights-api
    - resource:insights-redis
    - component:insights-web
    - resource:insights-vault
    - component:not-registered-yet
  severity: P1
  triggers:
    - alertName: VaultSealed
---
apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata:
  name: api-plan
spec:
  entityRefs: [component:insights-api, resource:insights-vault]
  components:
    - name: vault
      entityRef: resource:insights-vault
      data: Secrets
      backups:
        - name: raft
          type: snapshot
          schedule: 0 2 * * *
    - name: redis
      entityRef: resource:insights-redis
      data: Cache
`;

// Another team's folder trying to take the name the API team holds.
const INTRUDER_RUNBOOKS = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: vault-sealed
spec:
  severity: P4
`;

function entity(
  kind: string,
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { owner },
  };
}

describe.each(databases.eachSupportedId())(
  'what a runbook location may speak for, on %s',
  databaseId => {
    const dir = mkdtempSync(join(tmpdir(), 'speak-for-'));
    for (const [folder, text] of [
      ['api', API_RUNBOOKS],
      ['intruder', INTRUDER_RUNBOOKS],
    ]) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'runbooks.yaml'), text);
    }
    const managed = {
      'backstage.io/managed-by-location': `file:${join(
        dir,
        'catalog-info.yaml',
      )}`,
    };

    async function start(config: JsonObject = {}) {
      const vault = entity('Resource', 'insights-vault', 'sre-team');
      const entities = [
        entity('Component', 'insights-api', 'platform-team', {
          ...managed,
          'reliability.io/runbooks': './api',
        }),
        entity('Component', 'intruder', 'web-team', {
          ...managed,
          'reliability.io/runbooks': './intruder',
        }),
        entity('Resource', 'insights-redis', 'group:default/platform-team'),
        entity('Component', 'insights-web', 'web-team', {
          'reliability.io/runbooks-from': 'component:insights-api',
        }),
        vault,
      ];
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({ data: config }),
        ],
      });
      const get = (path: string) =>
        request(server).get(`/api/reliability${path}`);
      const refresh = (entityRef: string) =>
        request(server)
          .post('/api/reliability/runbooks/refresh')
          .send({ entityRef });
      return { get, refresh, vault };
    }

    const names = (res: request.Response) =>
      res.body.items.map((r: any) => r.name);

    it("leaves another owner's entity out of a runbook and a plan, with an error on both entities' pages", async () => {
      const { get, refresh } = await start();
      const refreshed = await refresh('component:default/insights-api');
      expect(refreshed.status).toBe(200);

      // Its own entity, the same owner's and the one listing it back: served.
      for (const ref of [
        'component:default/insights-api',
        'resource:default/insights-redis',
        'component:default/insights-web',
      ]) {
        expect(names(await get(`/runbooks?entityRef=${ref}`))).toEqual([
          'vault-sealed',
        ]);
      }
      // Vault's owner never agreed: not Vault's runbook, not Vault's plan.
      expect(
        names(await get('/runbooks?entityRef=resource:default/insights-vault')),
      ).toEqual([]);
      const runbook = await get('/runbooks/default/vault-sealed');
      expect(runbook.body.entityRefs).toEqual([
        'component:default/insights-api',
        'resource:default/insights-redis',
        'component:default/insights-web',
        'component:default/not-registered-yet',
      ]);
      expect(
        (await get('/recovery-plans?entityRef=resource:default/insights-vault'))
          .body.items,
      ).toEqual([]);
      const plan = await get('/recovery-plans/default/api-plan');
      expect(plan.status).toBe(200);
      expect(plan.body.entityRefs).toEqual([
        'component:default/insights-api',
        'resource:default/insights-redis',
      ]);
      expect(plan.body.document.spec.components[0]).not.toHaveProperty(
        'entityRef',
      );

      // Three refusals, each naming the file, the line and the entity; an
      // unknown entity is a warning only.
      const refusals = refreshed.body.problems.filter(
        (p: any) => p.entityRef === 'resource:default/insights-vault',
      );
      expect(refusals).toHaveLength(3);
      for (const p of refusals) {
        expect(p).toMatchObject({
          severity: 'error',
          file: 'api/runbooks.yaml',
        });
        expect(p.message).toContain(
          'names resource:default/insights-vault (owned by group:default/sre-team)',
        );
        expect(p.message).toContain('reliability.io/runbooks-from');
      }
      expect(refusals.map((p: any) => p.line)).toEqual([1, 16, 16]);
      expect(refreshed.body.problems).toContainEqual(
        expect.objectContaining({
          severity: 'warning',
          message:
            'spec.entityRefs names component:default/not-registered-yet, which is not in the catalog',
        }),
      );
      // Vault's page shows them too, though Vault has no runbooks of its own.
      const vaultStatus = await get(
        '/runbooks/index-status?entityRef=resource:default/insights-vault',
      );
      expect(vaultStatus.body.locations).toEqual([]);
      expect(vaultStatus.body.problems).toEqual(refusals);
    });

    it('follows the catalog: once the owner lists the location back, the next pass names the entity, files unchanged', async () => {
      const { get, refresh, vault } = await start();
      await refresh('component:default/insights-api');
      expect(
        names(await get('/runbooks?entityRef=resource:default/insights-vault')),
      ).toEqual([]);

      vault.metadata.annotations = {
        'reliability.io/runbooks-from': 'group:platform-team',
      };
      const again = await refresh('component:default/insights-api');
      expect(
        again.body.problems.filter((p: any) => p.severity === 'error'),
      ).toEqual([]);
      expect(
        names(await get('/runbooks?entityRef=resource:default/insights-vault')),
      ).toEqual(['vault-sealed']);
      expect(
        names(
          await get(
            '/recovery-plans?entityRef=resource:default/insights-vault',
          ),
        ),
      ).toEqual(['api-plan']);

      // And when the leave is withdrawn, it is out again.
      vault.metadata.annotations = {};
      await refresh('component:default/insights-api');
      expect(
        names(await get('/runbooks?entityRef=resource:default/insights-vault')),
      ).toEqual([]);
    });

    it('lets app-config allow what the owner did not list', async () => {
      const { get, refresh } = await start({
        reliability: {
          runbooks: {
            mayName: [
              {
                from: 'component:insights-api',
                entityRefs: ['resource:insights-vault'],
              },
            ],
          },
        },
      });
      const refreshed = await refresh('component:default/insights-api');
      expect(
        refreshed.body.problems.filter((p: any) => p.severity === 'error'),
      ).toEqual([]);
      expect(
        names(await get('/runbooks?entityRef=resource:default/insights-vault')),
      ).toEqual(['vault-sealed']);
    });

    it("does not let another owner's location take a runbook name held, in either order", async () => {
      const { get, refresh } = await start();
      await refresh('component:default/insights-api');
      const taken = await refresh('component:default/intruder');
      expect(taken.body.problems).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          file: 'intruder/runbooks.yaml',
          message:
            'duplicate runbook name default/vault-sealed: api/runbooks.yaml already defines it',
        }),
      );
      // The holder re-reads its folder: it keeps the name.
      await refresh('component:default/insights-api');
      await refresh('component:default/intruder');
      const held = await get('/runbooks/default/vault-sealed');
      expect(held.body).toMatchObject({
        severity: 'P1',
        sourceUrl: 'api/runbooks.yaml',
      });
    });
  },
);
