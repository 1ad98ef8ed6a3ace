import {
  coreServices,
  createBackendModule,
  type UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createIncidentConditionalDecision,
  createPostmortemConditionalDecision,
  incidentConditions,
  postmortemConditions,
} from '@reliability-suite/plugin-reliability-node';
import {
  RESOURCE_TYPE_RELIABILITY_INCIDENT,
  RESOURCE_TYPE_RELIABILITY_POSTMORTEM,
  reliabilityIncidentAlertPermission,
  reliabilityIncidentImportPermission,
  reliabilityIncidentUpdatePermission,
  reliabilityPermissions,
  reliabilityPostmortemDeletePermission,
  reliabilityPostmortemPublishPermission,
} from '@reliability-suite/plugin-reliability-common';

/**
 * The demo organisation's policy:
 * - everyone signed in may read;
 * - the reliability suite's writes on an entity (e.g. re-indexing its
 *   runbooks) are allowed to the entity's owners only;
 * - anyone signed in may write a postmortem; its authors, its owner and the
 *   owners of the entities it concerns may edit it; only its owner and the
 *   owners of those entities may publish it; only its owner may delete it;
 * - deleting catalog entities is for their owners; deleting locations is
 *   refused in the portal (change the config or the Git source instead).
 */
export class ReliabilityDemoPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  // The user and the groups it belongs to, as conditions compare them.
  private async claims(user: PolicyQueryUser): Promise<string[]> {
    const { ownershipEntityRefs, userEntityRef } =
      await this.userInfo.getUserInfo(user.credentials);
    return [...new Set([userEntityRef, ...ownershipEntityRefs])].map(c =>
      c.toLocaleLowerCase('en-US'),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;

    if (isPermission(permission, catalogLocationDeletePermission)) {
      return { result: AuthorizeResult.DENY };
    }

    if (
      isResourcePermission(permission, RESOURCE_TYPE_RELIABILITY_POSTMORTEM)
    ) {
      if (!user) {
        return { result: AuthorizeResult.DENY };
      }
      const claims = await this.claims(user);
      const owner = postmortemConditions.isPostmortemOwner({ claims });
      const entityOwner = postmortemConditions.isLinkedEntityOwner({ claims });
      if (isPermission(permission, reliabilityPostmortemDeletePermission)) {
        return createPostmortemConditionalDecision(permission, owner);
      }
      if (isPermission(permission, reliabilityPostmortemPublishPermission)) {
        return createPostmortemConditionalDecision(permission, {
          anyOf: [owner, entityOwner],
        });
      }
      return createPostmortemConditionalDecision(permission, {
        anyOf: [
          postmortemConditions.isPostmortemAuthor({ claims }),
          owner,
          entityOwner,
        ],
      });
    }

    // Alerts and imported history come from machines (Alertmanager, a
    // migration) with their static tokens, never from a person's session.
    if (
      isPermission(permission, reliabilityIncidentAlertPermission) ||
      isPermission(permission, reliabilityIncidentImportPermission)
    ) {
      return { result: user ? AuthorizeResult.DENY : AuthorizeResult.ALLOW };
    }

    if (isResourcePermission(permission, RESOURCE_TYPE_RELIABILITY_INCIDENT)) {
      if (!user) {
        return { result: AuthorizeResult.DENY };
      }
      if (!isPermission(permission, reliabilityIncidentUpdatePermission)) {
        return { result: AuthorizeResult.ALLOW };
      }
      const claims = await this.claims(user);
      return createIncidentConditionalDecision(permission, {
        anyOf: [
          incidentConditions.isIncidentCommander({ claims }),
          incidentConditions.hasIncidentRole({ claims }),
          incidentConditions.isAffectedEntityOwner({ claims }),
          // An incident nobody leads yet: whoever takes command.
          incidentConditions.hasNoCommander({}),
        ],
      });
    }

    const ownedByCaller =
      isPermission(permission, catalogEntityDeletePermission) ||
      reliabilityPermissions.some(p => isPermission(permission, p));
    if (ownedByCaller && isResourcePermission(permission, 'catalog-entity')) {
      if (!user) {
        return { result: AuthorizeResult.DENY };
      }
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        user.credentials,
      );
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }

    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link ReliabilityDemoPolicy} as the permission backend's policy. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'reliability-demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(new ReliabilityDemoPolicy(userInfo));
      },
    });
  },
});
