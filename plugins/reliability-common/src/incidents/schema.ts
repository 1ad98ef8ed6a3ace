import { z } from 'zod';
import {
  affectedRef,
  httpUrl,
  isoTime,
  list,
  markdown,
  required,
  runbookRef,
  text,
  userRef,
} from '../fields';

// The one schema of each incident write: the backend validates requests with
// it, the TypeScript types are inferred from it, the portal's forms check
// their fields with it, and the OpenAPI document's request schemas are
// generated from it.

/** An incident's statuses, in the order of its life (reopening goes back). @public */
export const INCIDENT_STATUSES = ['open', 'mitigated', 'resolved'] as const;

/** The kinds of link an incident keeps. @public */
export const INCIDENT_LINK_KINDS = [
  'chat',
  'call',
  'ticket',
  'dashboard',
  'other',
] as const;

/** @public */
export const incidentLinkSchema = z
  .object({
    kind: z.enum(INCIDENT_LINK_KINDS).default('other'),
    title: text(200).optional(),
    url: httpUrl,
  })
  .strict();

/** @public */
export const incidentDeclareSchema = z
  .object({
    title: required(300),
    severity: required(64).describe(
      'One of the configured severity ids, e.g. P1.',
    ),
    summary: markdown,
    entityRefs: list(affectedRef, 50).describe(
      'The affected catalog entities; a bare name is a component.',
    ),
    commander: userRef
      .optional()
      .describe('The incident commander; by default the person declaring.'),
    runbooks: list(runbookRef, 50),
    links: list(incidentLinkSchema, 20),
    startedAt: isoTime
      .optional()
      .describe('When it started, if before it was declared; default now.'),
  })
  .strict()
  .meta({
    description:
      'POST /incidents: an incident declared by a person. Only title and severity are required.',
  });

/** @public */
export const incidentUpdateSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .describe(
        'The version the change is based on; not the current version is a 409.',
      ),
    title: required(300).optional(),
    summary: markdown,
    status: z.enum(INCIDENT_STATUSES).optional(),
    severity: required(64).optional(),
    reason: text(2000)
      .optional()
      .describe('Why the severity or the status changed, for the timeline.'),
    entityRefs: z.array(affectedRef).max(50).optional(),
    runbooks: z.array(runbookRef).max(50).optional(),
    links: z.array(incidentLinkSchema).max(20).optional(),
  })
  .strict()
  .meta({
    description:
      'PATCH /incidents/{id}: the fields to change, and the version the change is based on.',
  });

/** @public */
export const incidentRoleAssignmentSchema = z
  .object({
    role: required(64).describe('A configured role id, e.g. commander.'),
    user: userRef,
  })
  .strict()
  .meta({
    description:
      'POST /incidents/{id}/roles: hand a role to someone; whoever held it hands over.',
  });

/** @public */
export const incidentNoteSchema = z
  .object({
    text: required(10_000),
    pinned: z.boolean().default(false),
  })
  .strict()
  .meta({ description: 'POST /incidents/{id}/notes: a note on the timeline.' });

/** @public */
export const incidentStatusUpdateSchema = z
  .object({
    conditions: required(5000).describe('What is happening now.'),
    actions: required(5000).describe('What is being done.'),
    needs: text(5000).optional().describe('What help is needed.'),
  })
  .strict()
  .meta({
    description:
      'POST /incidents/{id}/status-updates: a tactical update (conditions, actions, needs).',
  });

/** A runbook step on an incident's checklist: `steps[3]`, `diagnosis[0]`. @public */
export const RUNBOOK_STEP_ID = /^[a-zA-Z]{1,40}\[\d{1,4}\]$/;

/**
 * How a runbook step went in an incident: carried out, skipped, carried out
 * and failed, or carried out and of no help.
 *
 * @public
 */
export const STEP_OUTCOMES = [
  'done',
  'skipped',
  'failed',
  'unhelpful',
] as const;

/** @public */
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/**
 * What an alert in an incident was: worth acting on, noise (it paged for
 * nothing), or a duplicate of another alert of the incident.
 *
 * @public
 */
export const ALERT_VERDICTS = ['actionable', 'noise', 'duplicate'] as const;

/** @public */
export type AlertVerdict = (typeof ALERT_VERDICTS)[number];

/** @public */
export const incidentAlertVerdictSchema = z
  .object({
    verdict: z
      .enum(ALERT_VERDICTS)
      .optional()
      .describe('`actionable`, `noise` or `duplicate`; absent clears it.'),
  })
  .strict()
  .meta({
    description:
      'PUT /incidents/{id}/alerts/{fingerprint}/verdict: what one alert of the incident was.',
  });

/** @public */
export type IncidentAlertVerdictInput = z.output<
  typeof incidentAlertVerdictSchema
>;

/** @public */
export const incidentTickSchema = z
  .object({
    runbook: runbookRef,
    step: z.string().regex(RUNBOOK_STEP_ID, {
      message: 'must name a step as section[index], e.g. steps[3]',
    }),
    done: z
      .boolean()
      .describe('Whether the step has an outcome: false clears it.'),
    outcome: z
      .enum(STEP_OUTCOMES)
      .optional()
      .describe(
        'How it went: `done` (the default), `skipped`, `failed` or `unhelpful` (carried out, and of no help).',
      ),
    note: z
      .string()
      .trim()
      .max(500)
      .optional()
      .describe('Why, in a line (what failed, why it was skipped).'),
  })
  .strict()
  .meta({
    description:
      'PUT /incidents/{id}/checklist: record (or clear) how one step of an attached runbook went.',
  });

/** @public */
export const incidentPinSchema = z
  .object({ pinned: z.boolean() })
  .strict()
  .meta({ description: 'PUT /incidents/{id}/timeline/{eventId}/pin' });

const labelMap = z.record(z.string().max(200), z.string().max(2000));

const importedEventSchema = z
  .object({
    at: isoTime,
    actor: required(255),
    type: z
      .enum([
        'note',
        'status-changed',
        'severity-changed',
        'role-changed',
        'alert-fired',
        'alert-resolved',
        'step-ticked',
      ])
      .default('note'),
    summary: required(5000),
    pinned: z.boolean().default(false),
  })
  .strict();

/**
 * An incident from another tool (or an earlier one, for a demo), with its
 * history: times, roles, status updates, timeline, and optionally the
 * postmortem it led to. Imported once per `externalId`.
 *
 * @public
 */
export const incidentImportSchema = z
  .object({
    externalId: z
      .string()
      .regex(/^[A-Za-z0-9._:@/-]{1,200}$/, {
        message: 'must be 1–200 letters, digits and . _ : @ / -',
      })
      .describe(
        'The id in the tool it comes from: importing it again changes nothing.',
      ),
    title: required(300),
    severity: required(64),
    summary: markdown,
    status: z.enum(INCIDENT_STATUSES),
    entityRefs: list(affectedRef, 50),
    runbooks: list(runbookRef, 50),
    links: list(incidentLinkSchema, 20),
    milestones: z
      .object({
        started: isoTime,
        detected: isoTime.optional(),
        acknowledged: isoTime.optional(),
        mitigated: isoTime.optional(),
        resolved: isoTime.optional(),
      })
      .strict(),
    roles: list(
      z
        .object({
          role: required(64),
          user: userRef,
          assumedAt: isoTime,
          handedOverAt: isoTime.optional(),
        })
        .strict(),
      50,
    ),
    statusUpdates: list(
      z
        .object({
          at: isoTime,
          by: userRef,
          conditions: required(5000),
          actions: required(5000),
          needs: text(5000).optional(),
        })
        .strict(),
      200,
    ),
    timeline: list(importedEventSchema, 2000),
    checklist: list(
      z
        .object({
          runbook: runbookRef,
          step: z.string().regex(RUNBOOK_STEP_ID, {
            message: 'must name a step as section[index], e.g. steps[3]',
          }),
          outcome: z.enum(STEP_OUTCOMES).default('done'),
          note: text(500).optional(),
          by: userRef,
          at: isoTime,
        })
        .strict(),
      500,
    ).describe(
      'How the steps of its runbooks went (each runbook must be in `runbooks`).',
    ),
    alerts: list(
      z
        .object({
          fingerprint: z.string().regex(/^[0-9a-f]{1,64}$/),
          labels: labelMap,
          annotations: labelMap.default({}),
          startsAt: isoTime,
          endsAt: isoTime.optional(),
          status: z.enum(['firing', 'resolved']),
          verdict: z
            .enum(ALERT_VERDICTS)
            .optional()
            .describe('What responders said it was.'),
        })
        .strict(),
      100,
    ),
    groupKey: z.string().min(1).max(2000).optional(),
    postmortem: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('The postmortem it led to, as POST /postmortems takes it.'),
  })
  .strict()
  .meta({
    description:
      'POST /incidents/import: an incident with its history from another tool, imported once per externalId.',
  });

/** One alert of Alertmanager's webhook (version 4); unknown fields are kept out, not refused. @public */
export const alertmanagerAlertSchema = z
  .object({
    status: z.enum(['firing', 'resolved']),
    labels: labelMap.refine(l => typeof l.alertname === 'string', {
      message: 'must hold alertname',
    }),
    annotations: labelMap.default({}),
    startsAt: isoTime,
    endsAt: z.string().max(64).optional(),
    generatorURL: z.string().max(2000).optional(),
    fingerprint: z.string().regex(/^[0-9a-f]{1,64}$/, {
      message: 'must be the hexadecimal fingerprint Alertmanager gives',
    }),
  })
  .loose();

/**
 * Alertmanager's webhook payload, version 4, as Alertmanager sends it;
 * fields it does not know (Alertmanager 0.34's `notification_reason`,
 * `routeLabels`, …) are accepted and ignored.
 *
 * @public
 */
export const alertmanagerWebhookSchema = z
  .object({
    version: z.string().max(10),
    groupKey: z.string().min(1).max(2000),
    truncatedAlerts: z.number().int().min(0).optional(),
    status: z.enum(['firing', 'resolved']),
    receiver: z.string().max(500),
    groupLabels: labelMap.default({}),
    commonLabels: labelMap.default({}),
    commonAnnotations: labelMap.default({}),
    externalURL: z.string().max(2000).default(''),
    alerts: z.array(alertmanagerAlertSchema).min(1).max(1000),
  })
  .loose()
  .meta({
    description:
      "Alertmanager's webhook payload (version 4), as Alertmanager sends it. Fields this version does not know are accepted and ignored.",
  });

/** @public */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** @public */
export type IncidentLink = z.output<typeof incidentLinkSchema>;
/** @public */
export type IncidentDeclaration = z.output<typeof incidentDeclareSchema>;
/** @public */
export type IncidentUpdate = z.output<typeof incidentUpdateSchema>;
/** @public */
export type IncidentRoleAssignmentInput = z.output<
  typeof incidentRoleAssignmentSchema
>;
/** @public */
export type IncidentNoteInput = z.output<typeof incidentNoteSchema>;
/** @public */
export type IncidentStatusUpdateInput = z.output<
  typeof incidentStatusUpdateSchema
>;
/** @public */
export type IncidentTickInput = z.output<typeof incidentTickSchema>;
/** @public */
export type IncidentImport = z.output<typeof incidentImportSchema>;
/** @public */
export type AlertmanagerWebhook = z.output<typeof alertmanagerWebhookSchema>;
/** @public */
export type AlertmanagerAlert = z.output<typeof alertmanagerAlertSchema>;
