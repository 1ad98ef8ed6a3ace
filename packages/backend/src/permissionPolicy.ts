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
import { reliabilityPermissions } from '@internal/plugin-reliability-common';

/**
 * The demo organisation's policy:
 * - everyone signed in may read;
 * - the reliability suite's writes on an entity (e.g. re-indexing its
 *   runbooks) are allowed to the entity's owners only;
 * - deleting catalog entities is for their owners; deleting locations is
 *   refused in the portal (change the config or the Git source instead).
 */
export class ReliabilityDemoPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;

    if (isPermission(permission, catalogLocationDeletePermission)) {
      return { result: AuthorizeResult.DENY };
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
