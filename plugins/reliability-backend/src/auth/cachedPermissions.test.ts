import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { cachedPermissions } from './cachedPermissions';

const create = createPermission({
  name: 'reliability.postmortem.create',
  attributes: { action: 'create' },
});

describe('cachedPermissions', () => {
  function policy() {
    let result: AuthorizeResult = AuthorizeResult.ALLOW;
    const asked: string[] = [];
    const service = {
      authorize: jest.fn(async (requests: any[], { credentials }: any) => {
        asked.push(
          `${
            credentials.principal.userEntityRef ?? credentials.principal.subject
          }:${requests.length}`,
        );
        return requests.map(() => ({ result }));
      }),
      authorizeConditional: jest.fn(async (requests: any[]) =>
        requests.map(() => ({ result })),
      ),
    };
    return {
      service: service as any,
      asked,
      set: (r: AuthorizeResult) => {
        result = r;
      },
    };
  }

  it('asks once per principal and request within the time, and again after it', async () => {
    const p = policy();
    let now = 1_000;
    const permissions = cachedPermissions(p.service, {
      ttlMs: 5000,
      now: () => now,
    });
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');
    const ask = (credentials: typeof alice) =>
      permissions.authorize([{ permission: create }], { credentials });

    expect(await ask(alice)).toEqual([{ result: AuthorizeResult.ALLOW }]);
    expect(await ask(alice)).toEqual([{ result: AuthorizeResult.ALLOW }]);
    // Another user is never given alice's decision.
    p.set(AuthorizeResult.DENY);
    expect(await ask(bob)).toEqual([{ result: AuthorizeResult.DENY }]);
    expect(p.asked).toEqual(['user:default/alice:1', 'user:default/bob:1']);

    // A changed policy shows once the decision's time is up.
    expect(await ask(alice)).toEqual([{ result: AuthorizeResult.ALLOW }]);
    now += 5001;
    expect(await ask(alice)).toEqual([{ result: AuthorizeResult.DENY }]);
    expect(p.asked).toHaveLength(3);
  });

  it('tells a user apart from the same user acting through a service', async () => {
    const p = policy();
    const permissions = cachedPermissions(p.service, { ttlMs: 5000 });
    const direct = mockCredentials.user('user:default/alice');
    const viaAgent = {
      ...direct,
      principal: { ...direct.principal, actor: { subject: 'plugin:mcp' } },
    };
    await permissions.authorize([{ permission: create }], {
      credentials: direct,
    });
    await permissions.authorize([{ permission: create }], {
      credentials: viaAgent as any,
    });
    expect(p.service.authorize).toHaveBeenCalledTimes(2);
  });

  it('asks only for what it does not hold, and forgets a failed answer', async () => {
    const p = policy();
    const permissions = cachedPermissions(p.service, { ttlMs: 5000 });
    const credentials = mockCredentials.user('user:default/alice');
    const read = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    await permissions.authorize([{ permission: create }], { credentials });
    await permissions.authorize(
      [{ permission: create }, { permission: read }],
      { credentials },
    );
    expect(p.asked).toEqual(['user:default/alice:1', 'user:default/alice:1']);

    p.service.authorize.mockRejectedValueOnce(new Error('policy down'));
    const other = mockCredentials.user('user:default/carol');
    await expect(
      permissions.authorize([{ permission: create }], { credentials: other }),
    ).rejects.toThrow('policy down');
    await expect(
      permissions.authorize([{ permission: create }], { credentials: other }),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
  });

  it('asks every time with no time to keep', async () => {
    const p = policy();
    const permissions = cachedPermissions(p.service, { ttlMs: 0 });
    const credentials = mockCredentials.user();
    await permissions.authorize([{ permission: create }], { credentials });
    await permissions.authorize([{ permission: create }], { credentials });
    expect(p.service.authorize).toHaveBeenCalledTimes(2);
  });
});

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('the plugin keeps decisions', () => {
  it('asks the policy once for two creates by one user, again for another', async () => {
    const asked: string[] = [];
    const permissions = {
      authorize: async (requests: any[], { credentials }: any) => {
        for (const r of requests) {
          asked.push(
            `${credentials.principal.userEntityRef} ${r.permission.name}`,
          );
        }
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      },
      authorizeConditional: async (requests: any[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    };
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => permissions as any,
        }),
      ],
    });
    const createAs = (user: string) =>
      request(server)
        .post('/api/reliability/postmortems')
        .set('Authorization', mockCredentials.user.header(user))
        .send({ title: 'Checkout failed', entityRefs: [] });
    expect((await createAs('user:default/alice')).status).toBe(201);
    expect((await createAs('user:default/alice')).status).toBe(201);
    expect((await createAs('user:default/bob')).status).toBe(201);
    expect(
      asked.filter(a => a.endsWith('reliability.postmortem.create')),
    ).toEqual([
      'user:default/alice reliability.postmortem.create',
      'user:default/bob reliability.postmortem.create',
    ]);
  });
});
