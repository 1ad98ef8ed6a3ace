import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  reliabilityIncidentAlertPermission,
  reliabilityIncidentContributePermission,
  reliabilityIncidentImportPermission,
  reliabilityIncidentUpdatePermission,
  reliabilityPostmortemDeletePermission,
  reliabilityPostmortemPublishPermission,
  reliabilityPostmortemUpdatePermission,
  reliabilityRunbookRefreshPermission,
} from '@reliability-suite/plugin-reliability-common';
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

  it("gives changing an incident to its commander, its role holders and its entities' owners; working it to everyone", async () => {
    expect(
      await policy.handle(
        { permission: reliabilityIncidentUpdatePermission },
        guest,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'reliability',
      resourceType: 'reliability-incident',
      conditions: {
        anyOf: [
          ...[
            'IS_INCIDENT_COMMANDER',
            'HAS_INCIDENT_ROLE',
            'IS_AFFECTED_ENTITY_OWNER',
          ].map(rule => ({
            rule,
            resourceType: 'reliability-incident',
            params: {
              claims: ['user:default/guest', 'group:default/platform-team'],
            },
          })),
          // Nobody leads it yet: whoever takes command.
          {
            rule: 'HAS_NO_COMMANDER',
            resourceType: 'reliability-incident',
            params: {},
          },
        ],
      },
    });
    expect(
      await policy.handle(
        { permission: reliabilityIncidentContributePermission },
        guest,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy.handle({ permission: reliabilityIncidentUpdatePermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
    // Alerts and imports are for machines' tokens, not people.
    expect(
      await policy.handle(
        { permission: reliabilityIncidentAlertPermission },
        guest,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy.handle({ permission: reliabilityIncidentImportPermission }),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

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

  it('lets authors, owners and owners of linked entities edit a postmortem', async () => {
    const decision = await policy.handle(
      { permission: reliabilityPostmortemUpdatePermission },
      guest,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'reliability',
      resourceType: 'reliability-postmortem',
      conditions: {
        anyOf: [
          { rule: 'IS_POSTMORTEM_AUTHOR' },
          { rule: 'IS_POSTMORTEM_OWNER' },
          { rule: 'IS_LINKED_ENTITY_OWNER' },
        ],
      },
    });
    expect((decision as any).conditions.anyOf[0].params.claims).toEqual([
      'user:default/guest',
      'group:default/platform-team',
    ]);
  });

  it('keeps publishing to owners, and deleting to the postmortem owner', async () => {
    const publish = await policy.handle(
      { permission: reliabilityPostmortemPublishPermission },
      guest,
    );
    expect((publish as any).conditions.anyOf.map((c: any) => c.rule)).toEqual([
      'IS_POSTMORTEM_OWNER',
      'IS_LINKED_ENTITY_OWNER',
    ]);
    const remove = await policy.handle(
      { permission: reliabilityPostmortemDeletePermission },
      guest,
    );
    expect((remove as any).conditions.rule).toBe('IS_POSTMORTEM_OWNER');
    await expect(
      policy.handle({ permission: reliabilityPostmortemUpdatePermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('refuses deleting catalog locations from the portal', async () => {
    await expect(
      policy.handle({ permission: catalogLocationDeletePermission }, guest),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
