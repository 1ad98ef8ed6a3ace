import { createPermission } from '@backstage/plugin-permission-common';
import { reliabilityIncidentPermissions } from './incidents/permissions';
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
 * Report backup runs and restore drills (`POST /backups/events`), as a
 * backup job or drill script does with a static token.
 *
 * @public
 */
export const reliabilityBackupReportPermission = createPermission({
  name: 'reliability.backup.report',
  attributes: { action: 'create' },
});

/**
 * Every permission the reliability suite defines.
 *
 * @public
 */
export const reliabilityPermissions = [
  reliabilityRunbookRefreshPermission,
  reliabilityBackupReportPermission,
  ...reliabilityPostmortemPermissions,
  ...reliabilityIncidentPermissions,
];
