/**
 * Shared types, annotations, permissions and formats of the reliability
 * plugin suite.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './entityRefs';
export * from './permissions';
export * from './scalars';
export * from './types';
export * from './severities';
export * from './runbooks';
export * from './postmortems';
export * from './recovery';
export * from './backups';
export * from './incidents';
export * from './paging';
export {
  incidentListQuerySchema,
  type IncidentListQuery,
  postmortemListQuerySchema,
  type PostmortemListQuery,
} from './listQueries';
export type { ReliabilityApiRoutes } from './generated/apiRoutes';
export * from './alerts/rules';
