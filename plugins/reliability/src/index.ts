/**
 * The reliability plugin suite's frontend: runbooks, backup status, severities,
 * incidents and postmortems on each service's page.
 *
 * @packageDocumentation
 */

export {
  reliabilityPlugin,
  ReliabilityPage,
  EntityReliabilityContent,
  EntityReliabilityCard,
} from './plugin';
export { reliabilityApiRef, type ReliabilityApi } from './api/ReliabilityApi';
export { ReliabilityClient } from './api/ReliabilityClient';
export {
  ReliabilityBackendClient,
  type ReliabilityApiMethod,
  type ReliabilityRequestOptions,
} from './api/ReliabilityBackendClient';
export {
  incidentsApiRef,
  type IncidentClassification,
  type IncidentFilter,
  type IncidentPatch,
  type IncidentsApi,
  type PostmortemDue,
} from './api/IncidentsApi';
export { IncidentsClient } from './api/IncidentsClient';
export { rootRouteRef as reliabilityRouteRef } from './routes';
export {
  isReliabilityAvailable,
  isRunbooksAvailable,
  ANNOTATION_RUNBOOKS,
  ANNOTATION_TIER,
  ANNOTATION_RPO,
  ANNOTATION_RTO,
} from '@reliability-suite/plugin-reliability-common';
