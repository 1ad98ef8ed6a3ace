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
 * Report backup runs and restore drills of one catalog entity
 * (`POST /backups/events`, `POST /backups/import/{format}`), as a backup job
 * or drill script does with a static token. A resource permission on the
 * entity the report is about, so that a policy can allow it to the entity's
 * owners only; a machine token is further held to the entities of its
 * `reliability.backups.reporters` entry.
 *
 * @public
 */
export const reliabilityBackupReportPermission = createPermission({
  name: 'reliability.backup.report',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Acknowledge an open violation of a recovery plan (who, why, until when),
 * which stops its reminders. A resource permission on the entity of the
 * violated component (else the plan's first entity), so that a policy can
 * allow it to that entity's owners only.
 *
 * @public
 */
export const reliabilityRecoveryViolationAcknowledgePermission =
  createPermission({
    name: 'reliability.recovery.violation.acknowledge',
    attributes: { action: 'update' },
    resourceType: 'catalog-entity',
  });

/**
 * Export the recovery evidence of one entity for a period (plan targets,
 * backups, drills, violations, with a manifest of digests): what a team hands
 * an auditor. A resource permission on the entity.
 *
 * @public
 */
export const reliabilityRecoveryEvidenceExportPermission = createPermission({
  name: 'reliability.recovery.evidence.export',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Every permission the reliability suite defines.
 *
 * @public
 */
export const reliabilityPermissions = [
  reliabilityRunbookRefreshPermission,
  reliabilityBackupReportPermission,
  reliabilityRecoveryViolationAcknowledgePermission,
  reliabilityRecoveryEvidenceExportPermission,
  ...reliabilityPostmortemPermissions,
  ...reliabilityIncidentPermissions,
];
