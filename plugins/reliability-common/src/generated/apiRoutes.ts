//
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: it is written from the backend's
// * src/schema/openapi.yaml by `npm run generate:openapi` in that package.

/**
 * The routes of the reliability API by method, as its OpenAPI document gives
 * them: a client typed with it cannot call a route the backend does not have.
 *
 * @public
 */
export type ReliabilityApiRoutes = {
  get:
    | '/health'
    | '/entities/{namespace}/{kind}/{name}/overview'
    | '/severities'
    | '/schemas/runbook.json'
    | '/schemas/recovery-plan.json'
    | '/backups/sources'
    | '/facts/recovery'
    | '/facts/alerts'
    | '/alerts/coverage'
    | '/alerts/coverage/history'
    | '/recovery/overview'
    | '/recovery/violations'
    | '/recovery/evidence'
    | '/recovery-plans'
    | '/recovery-plans/{namespace}/{name}'
    | '/recovery-plans/{namespace}/{name}/history'
    | '/runbooks'
    | '/incidents'
    | '/incidents/roles'
    | '/incidents/context'
    | '/incidents/metrics'
    | '/incidents/postmortems-due'
    | '/incidents/classification'
    | '/incidents/{id}'
    | '/runbooks/index-status'
    | '/runbooks/export'
    | '/runbooks/by-alert/{alertName}'
    | '/incidents/alert-figures'
    | '/runbooks/{namespace}/{name}/statistics'
    | '/runbooks/skills'
    | '/runbooks/{namespace}/{name}/skill'
    | '/runbooks/{namespace}/{name}'
    | '/postmortems'
    | '/postmortems/action-items'
    | '/postmortems/{id}'
    | '/postmortems/{id}/audit';
  post:
    | '/backups/events'
    | '/backups/import/{format}'
    | '/recovery/violations/{id}/acknowledge'
    | '/incidents'
    | '/incidents/import'
    | '/incidents/{id}/roles'
    | '/incidents/{id}/notes'
    | '/incidents/{id}/status-updates'
    | '/incidents/{id}/postmortem'
    | '/webhooks/alertmanager'
    | '/runbooks/refresh'
    | '/postmortems';
  put:
    | '/incidents/{id}/checklist'
    | '/incidents/{id}/timeline/{eventId}/pin'
    | '/incidents/{id}/alerts/{fingerprint}/verdict'
    | '/postmortems/{id}';
  patch: '/incidents/{id}';
  delete: '/postmortems/{id}';
};
