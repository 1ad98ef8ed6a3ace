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
  reliabilityIncidentCommandPermission,
  reliabilityIncidentImportPermission,
  reliabilityIncidentUpdatePermission,
  reliabilityPermissions,
  reliabilityPostmortemDeletePermission,
  reliabilityPostmortemPublishPermission,
} from '@reliability-suite/plugin-reliability-common';

/** Who the demo's policy trusts with more than ownership gives. */
export interface DemoPolicyRoles {
  /** Operators: they may import incident history from another tool. */
  admins: string[];
  /** Responders: they may take command of any incident nobody leads. */
  responders: string[];
}

/** The demo organisation's operators and responders: the SRE team. */
export const DEMO_ROLES: DemoPolicyRoles = {
  admins: ['group:default/sre-team'],
  responders: ['group:default/sre-team'],
};

/**
 * The demo organisation's policy, for people (machine tokens never reach a
 * policy: Backstage decides on them by their `accessRestrictions`, so each
 * of the demo's tokens is restricted to the one permission of its job):
 * - everyone signed in may read, declare incidents and write postmortems;
 * - the reliability suite's writes on an entity (re-indexing its runbooks,
 *   reporting its backups and drills) are for the entity's owners only;
 * - an incident is changed by its commander, its role holders and the
 *   owners of the entities it affects; anyone signed in may work it (notes,
 *   status updates, ticks, pins); taking command of one nobody leads is for
 *   the owners of the entities it affects and the responders;
 * - alerts come from Alertmanager's token only; importing incident history
 *   is for the admins;
 * - a postmortem's authors, its owner and the owners of the entities it
 *   concerns may edit it; only its owner and those owners may publish it;
 *   only its owner may delete it;
 * - deleting catalog entities is for their owners; deleting locations is
 *   refused in the portal (change the config or the Git source instead).
 */
export class ReliabilityDemoPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: UserInfoService,
    private readonly roles: DemoPolicyRoles = DEMO_ROLES,
  ) {}

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

    // Alerts come from Alertmanager's token, never from a person's session.
    if (isPermission(permission, reliabilityIncidentAlertPermission)) {
      return { result: AuthorizeResult.DENY };
    }
    // Imported history is an operator's action.
    if (isPermission(permission, reliabilityIncidentImportPermission)) {
      if (!user) return { result: AuthorizeResult.DENY };
      const claims = await this.claims(user);
      return {
        result: this.roles.admins.some(a => claims.includes(a))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }

    if (isResourcePermission(permission, RESOURCE_TYPE_RELIABILITY_INCIDENT)) {
      if (!user) {
        return { result: AuthorizeResult.DENY };
      }
      if (isPermission(permission, reliabilityIncidentCommandPermission)) {
        const claims = await this.claims(user);
        if (this.roles.responders.some(r => claims.includes(r))) {
          return { result: AuthorizeResult.ALLOW };
        }
        return createIncidentConditionalDecision(
          permission,
          incidentConditions.isAffectedEntityOwner({ claims }),
        );
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
