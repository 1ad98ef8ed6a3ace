/**
 * Node.js library of the reliability plugin suite: what other backend
 * packages — an organisation's permission policy, modules that extend the
 * reliability backend — build on.
 *
 * @packageDocumentation
 */

export {
  createPostmortemConditionalDecision,
  postmortemConditions,
  postmortemPermissionRules,
  postmortemResourceRef,
  type PostmortemQuery,
  type PostmortemResource,
} from './postmortemPermissions';
export * from './backups';
export {
  createIncidentConditionalDecision,
  incidentConditions,
  incidentPermissionRules,
  incidentResourceRef,
  type IncidentQuery,
  type IncidentResource,
} from './incidentPermissions';
export {
  reliabilityAlertRulesExtensionPoint,
  type AlertRuleSource,
  type ReliabilityAlertRulesExtensionPoint,
} from './alertRules';
