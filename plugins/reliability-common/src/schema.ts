import { z } from 'zod';
import { backupEventBatchSchema } from './backups/schema';
import { backupToolRunSchema } from './backups/toolRun';
import {
  alertmanagerWebhookSchema,
  incidentDeclareSchema,
  incidentImportSchema,
  incidentNoteSchema,
  incidentAlertVerdictSchema,
  incidentPinSchema,
  incidentRoleAssignmentSchema,
  incidentStatusUpdateSchema,
  incidentTickSchema,
  incidentUpdateSchema,
} from './incidents/schema';
import {
  postmortemActionItemSchema,
  postmortemContentSchema,
  postmortemUpdateSchema,
} from './postmortems/schema';

// Every record's zod schema, by the name its JSON Schema has in the OpenAPI
// document. The backend's `generate:openapi` writes them into openapi.yaml;
// a record added here (incidents, backup events) joins the document.
const RECORDS = {
  PostmortemContent: postmortemContentSchema,
  PostmortemActionItem: postmortemActionItemSchema,
  PostmortemUpdate: postmortemUpdateSchema,
  BackupEventBatch: backupEventBatchSchema,
  BackupToolRun: backupToolRunSchema,
  IncidentDeclaration: incidentDeclareSchema,
  IncidentImport: incidentImportSchema,
  IncidentUpdate: incidentUpdateSchema,
  IncidentRoleAssignmentInput: incidentRoleAssignmentSchema,
  IncidentNoteInput: incidentNoteSchema,
  IncidentStatusUpdateInput: incidentStatusUpdateSchema,
  IncidentTickInput: incidentTickSchema,
  IncidentPinInput: incidentPinSchema,
  IncidentAlertVerdictInput: incidentAlertVerdictSchema,
  AlertmanagerWebhook: alertmanagerWebhookSchema,
};

/**
 * The JSON Schemas (OpenAPI 3.0 dialect) of the records clients send, as
 * they are accepted: the input side of each zod schema, before defaults.
 * Not part of the package's API: the backend's generator reads it.
 */
export function recordJsonSchemas(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RECORDS)) {
    registry.add(schema as z.ZodType, { id });
  }
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    target: 'openapi-3.0',
    uri: id => `#/components/schemas/${id}`,
  });
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => k !== '$id' && k !== '$schema')
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return value;
  };
  return Object.fromEntries(
    Object.entries(RECORDS).map(([id, schema]) => {
      const description = (schema as z.ZodType).meta()?.description;
      return [
        id,
        {
          ...(description ? { description } : {}),
          ...(strip(schemas[id]) as object),
        },
      ];
    }),
  );
}
