import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';

/**
 * Whether the caller may do `permission` to a record that does not exist
 * yet (an imported postmortem): the policy's decision, its conditions
 * applied by the plugin's registered rules to the record as it would be
 * stored.
 */
export async function mayDoTo<R>(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission,
  resource: R,
  ruleset: PermissionRuleset<R>,
): Promise<boolean> {
  const [decision] = await permissions.authorizeConditional([{ permission }], {
    credentials,
  });
  return createConditionAuthorizer(ruleset)(decision, resource);
}
