import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of incidents, for conditional policy decisions. @public */
export const RESOURCE_TYPE_RELIABILITY_INCIDENT = 'reliability-incident';

/** Declare an incident. @public */
export const reliabilityIncidentCreatePermission = createPermission({
  name: 'reliability.incident.create',
  attributes: { action: 'create' },
});

/**
 * Change an incident: title, status, severity, affected entities, links,
 * runbooks, roles; start its postmortem.
 *
 * @public
 */
export const reliabilityIncidentUpdatePermission = createPermission({
  name: 'reliability.incident.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_RELIABILITY_INCIDENT,
});

/**
 * Take command of an incident that nobody leads yet (one opened by an
 * alert): become its commander, nothing more. Changing its entities,
 * severity or status still needs {@link reliabilityIncidentUpdatePermission}.
 *
 * @public
 */
export const reliabilityIncidentCommandPermission = createPermission({
  name: 'reliability.incident.command',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_RELIABILITY_INCIDENT,
});

/** Work an incident: notes, status updates, checklist ticks, pins. @public */
export const reliabilityIncidentContributePermission = createPermission({
  name: 'reliability.incident.contribute',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_RELIABILITY_INCIDENT,
});

/**
 * Send alerts (`POST /webhooks/alertmanager`), as Alertmanager does with a
 * static token.
 *
 * @public
 */
export const reliabilityIncidentAlertPermission = createPermission({
  name: 'reliability.incident.alert',
  attributes: { action: 'create' },
});

/**
 * Import incidents with their history from another tool
 * (`POST /incidents/import`): an operator's action, for a user with an admin
 * role or a token configured for imports only. Imported records are marked
 * as imported, with the importer.
 *
 * @public
 */
export const reliabilityIncidentImportPermission = createPermission({
  name: 'reliability.incident.import',
  attributes: { action: 'create' },
});

/** @public */
export const reliabilityIncidentPermissions = [
  reliabilityIncidentImportPermission,
  reliabilityIncidentCreatePermission,
  reliabilityIncidentUpdatePermission,
  reliabilityIncidentCommandPermission,
  reliabilityIncidentContributePermission,
  reliabilityIncidentAlertPermission,
];
