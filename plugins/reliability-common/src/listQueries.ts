import { z } from 'zod';
import { INCIDENT_STATUSES } from './incidents/schema';
import { POSTMORTEM_STATUSES } from './postmortems/schema';

/**
 * What each list can be narrowed by, once: the backend's generator writes
 * these as the list's query parameters in openapi.yaml, the backend parses
 * a request's query with them, and the frontend's clients take their types.
 */

const entityRef = z.string().max(400);
const time = z
  .string()
  .max(64)
  .refine(v => !Number.isNaN(Date.parse(v)), {
    message: 'must be an ISO 8601 date or time',
  });

/** The query of `GET /incidents`, besides its page. @public */
export const incidentListQuerySchema = z.object({
  entityRef: entityRef
    .optional()
    .describe('Only incidents affecting this entity.'),
  status: z.enum(INCIDENT_STATUSES).optional(),
  severity: z.string().max(64).optional(),
  alertName: z
    .string()
    .max(200)
    .optional()
    .describe('Only incidents holding an alert of this name.'),
  owner: entityRef
    .optional()
    .describe('Only incidents affecting an entity this user or group owns.'),
  from: time.optional().describe('Started at or after (ISO 8601).'),
  to: time.optional().describe('Started at or before (ISO 8601).'),
});

/** What `GET /incidents` can be narrowed by. @public */
export type IncidentListQuery = z.input<typeof incidentListQuerySchema>;

/** The query of `GET /postmortems`, besides its page. @public */
export const postmortemListQuerySchema = z.object({
  entityRef: entityRef
    .optional()
    .describe(
      'Only the postmortems whose `entityRefs` name this catalog entity, `kind:[namespace/]name` (the namespace defaults to `default`; case-insensitive). A value without a kind is a 400.',
    ),
  status: z
    .enum(POSTMORTEM_STATUSES)
    .optional()
    .describe('Only postmortems in this status. Any other value is a 400.'),
  severity: z
    .string()
    .max(64)
    .optional()
    .describe(
      'Only postmortems of this severity id (exact match; an unknown id simply matches nothing).',
    ),
  owner: entityRef
    .optional()
    .describe(
      'Only postmortems whose `owner` is this user or group, `kind:[namespace/]name` (case-insensitive). A value without a kind is a 400.',
    ),
  from: time
    .optional()
    .describe(
      'Only postmortems whose `milestones.started` is at or after this time. Any date or time `Date.parse` reads (`2026-11-01`, `2026-11-01T00:00:00Z`); anything else is a 400. Postmortems without a start time are left out when `from` or `to` is given.',
    ),
  to: time
    .optional()
    .describe(
      'Only postmortems whose `milestones.started` is before this time (exclusive). Same format as `from`.',
    ),
});

/** What `GET /postmortems` can be narrowed by. @public */
export type PostmortemListQuery = z.input<typeof postmortemListQuerySchema>;

/**
 * The list queries by the path they narrow, for the backend's generator.
 * Not part of the package's API.
 */
export function listQueryJsonSchemas(): Record<string, any> {
  const json = (schema: z.ZodType) =>
    z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' });
  return {
    '/incidents': json(incidentListQuerySchema),
    '/postmortems': json(postmortemListQuerySchema),
  };
}
