import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { reliabilityRunbookRefreshPermission } from '@internal/plugin-reliability-common';
import { ReliabilityDemoPolicy } from './permissionPolicy';

const guest: PolicyQueryUser = {
  credentials: mockCredentials.user('user:default/guest'),
  info: {
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: [],
  },
};

describe('ReliabilityDemoPolicy', () => {
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async () => ({
      userEntityRef: 'user:default/guest',
      ownershipEntityRefs: [
        'user:default/guest',
        'group:default/platform-team',
      ],
    }),
  });
  const policy = new ReliabilityDemoPolicy(userInfo);

  it('lets a signed-in user read the catalog', async () => {
    await expect(
      policy.handle({ permission: catalogEntityReadPermission }, guest),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it("allows re-indexing runbooks only on entities the user's groups own", async () => {
    const decision = await policy.handle(
      { permission: reliabilityRunbookRefreshPermission },
      guest,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/guest', 'group:default/platform-team'],
        },
      },
    });
  });

  it('makes deleting an entity conditional on owning it', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      guest,
    );
    expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
  });

  it('refuses owner-only actions to callers that are not users', async () => {
    await expect(
      policy.handle({ permission: reliabilityRunbookRefreshPermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('refuses deleting catalog locations from the portal', async () => {
    await expect(
      policy.handle({ permission: catalogLocationDeletePermission }, guest),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
