import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type PermissionCondition,
  type PermissionCriteria,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
  type PermissionRule,
} from '@backstage/plugin-permission-node';

/** Whether a policy's conditions hold for a resource, by the plugin's rules. */
export function conditionsHold<R>(
  criteria: PermissionCriteria<PermissionCondition>,
  resource: R,
  rules: Array<PermissionRule<R, any, string>>,
): boolean {
  if (isAndCriteria(criteria)) {
    return criteria.allOf.every(c => conditionsHold(c, resource, rules));
  }
  if (isOrCriteria(criteria)) {
    return criteria.anyOf.some(c => conditionsHold(c, resource, rules));
  }
  if (isNotCriteria(criteria)) {
    return !conditionsHold(criteria.not, resource, rules);
  }
  const rule = rules.find(r => r.name === criteria.rule);
  if (!rule) return false;
  // The policy built the params with the rule's own condition factory.
  return rule.apply(resource, criteria.params as any);
}

/**
 * Whether the caller may do `permission` to a record that does not exist
 * yet (an imported postmortem): the policy's decision, its conditions
 * applied to the record as it would be stored.
 */
export async function mayDoTo<R>(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission,
  resource: R,
  rules: Array<PermissionRule<R, any, string>>,
): Promise<boolean> {
  const [decision] = await permissions.authorizeConditional(
    [{ permission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    return conditionsHold(decision.conditions, resource, rules);
  }
  return decision.result === AuthorizeResult.ALLOW;
}
