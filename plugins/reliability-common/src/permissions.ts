import { createPermission } from '@backstage/plugin-permission-common';
import { reliabilityPostmortemPermissions } from './postmortems/permissions';

/**
 * Re-index the runbooks of one catalog entity now, instead of waiting for the
 * schedule. A resource permission on the entity, so that a policy can allow it
 * to the entity's owners only.
 *
 * @public
 */
export const reliabilityRunbookRefreshPermission = createPermission({
  name: 'reliability.runbook.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Every permission the reliability suite defines.
 *
 * @public
 */
export const reliabilityPermissions = [
  reliabilityRunbookRefreshPermission,
  ...reliabilityPostmortemPermissions,
];
