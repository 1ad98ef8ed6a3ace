import { isConfiguredSeverity } from '../severities';
import { z } from 'zod';
import {
  affectedRef,
  httpUrl,
  isoTime,
  list,
  markdown,
  ownerRef,
  required,
  runbookRef,
  text,
  userRef,
} from '../fields';

// The one schema of a postmortem. The backend validates requests with it,
// the TypeScript types are inferred from it, the editor's form checks its
// fields with it, and the OpenAPI document's request schemas are generated
// from it (`npm run generate:openapi` in the backend package).

/** The statuses of a postmortem, in the order of its life. @public */
export const POSTMORTEM_STATUSES = ['draft', 'in-review', 'published'] as const;
/** The kinds of action item. @public */
export const ACTION_ITEM_TYPES = [
  'prevent',
  'mitigate',
  'detect',
  'process',
] as const;
/** The statuses of an action item. @public */
export const ACTION_ITEM_STATUSES = [
  'open',
  'in-progress',
  'done',
  'wont-do',
] as const;

/** The milestones, in the order they must happen. @public */
export const POSTMORTEM_MILESTONES = [
  'started',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
] as const;

/** @public */
export const postmortemActionItemSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .optional()
      .describe(
        'Stable within its postmortem: send it back unchanged on update. Generated when absent.',
      ),
    title: required(500),
    type: z.enum(ACTION_ITEM_TYPES),
    owner: text(255)
      .optional()
      .describe('Who does it, free text (a team, a person, an entity ref).'),
    priority: text(32)
      .optional()
      .describe("The team's own scale, e.g. P1…P4 or high/medium/low."),
    status: z.enum(ACTION_ITEM_STATUSES).default('open'),
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, {
        message: 'must be a date, e.g. 2026-12-01',
      })
      .optional(),
    trackerUrl: httpUrl.optional(),
    runbook: runbookRef
      .optional()
      .describe('The runbook it changes, `namespace/name`.'),
  })
  .strict()
  .meta({ id: 'PostmortemActionItem' });

/** @public */
export const postmortemTimelineEntrySchema = z
  .object({
    at: isoTime,
    event: required(5000),
    link: httpUrl.optional(),
  })
  .strict();

/** @public */
export const postmortemMilestonesSchema = z
  .object(
    Object.fromEntries(
      POSTMORTEM_MILESTONES.map(m => [m, isoTime.optional()]),
    ) as Record<
      (typeof POSTMORTEM_MILESTONES)[number],
      z.ZodOptional<typeof isoTime>
    >,
  )
  .strict()
  .describe('ISO 8601 times; later milestones may not be before earlier ones.');

const contentShape = {
  title: required(300),
  status: z.enum(POSTMORTEM_STATUSES).default('draft'),
  authors: list(userRef, 50),
  owner: ownerRef.optional(),
  severity: text(64)
    .optional()
    .describe('One of the configured severity ids, e.g. P1.'),
  category: text(100).optional(),
  entityRefs: list(affectedRef, 100),
  alerts: list(text(200), 100),
  runbooks: list(runbookRef, 100),
  milestones: postmortemMilestonesSchema.default({}),
  summary: markdown,
  impact: markdown,
  usersAffected: z.number().int().min(0).optional(),
  slaBreached: z.boolean().optional(),
  detection: markdown,
  trigger: markdown,
  rootCauses: list(text(5000)),
  contributingFactors: list(text(5000)),
  resolution: markdown,
  lessons: z
    .object({
      wentWell: list(text(5000)),
      wentWrong: list(text(5000)),
      gotLucky: list(text(5000)),
    })
    .strict()
    .default({ wentWell: [], wentWrong: [], gotLucky: [] }),
  timeline: list(postmortemTimelineEntrySchema, 2000),
  actionItems: list(postmortemActionItemSchema, 500),
  incidentId: text(100)
    .optional()
    .describe('The incident record it came from, when there is one.'),
};

/**
 * What people write in a postmortem, as the API takes it. Rules across
 * fields (configured severities, milestone order, authors outside a draft)
 * are added by {@link createPostmortemContentSchema}.
 *
 * @public
 */
export const postmortemContentSchema = z.object(contentShape).strict().meta({
  id: 'PostmortemContent',
  description:
    'What people write in a postmortem: the body of POST /postmortems, and with `version` of PUT /postmortems/{id}. Only `title` is required. Strings are trimmed. Unknown fields, `status: published` without authors, a severity that is not configured and milestones out of order are refused, each named by its field in one 400.',
});

const ignored = z.unknown().optional().describe('Ignored, whatever its value.');

/**
 * The body of an update: the whole content plus the `version` it is based
 * on. The fields the server manages may be sent back as read; they are
 * ignored.
 *
 * @public
 */
export const postmortemUpdateSchema = z
  .object({
    ...contentShape,
    version: z
      .number()
      .int()
      .min(1)
      .describe(
        'The version the change is based on: the `version` of the postmortem as read. Not the current version is a 409.',
      ),
    id: ignored,
    createdAt: ignored,
    createdBy: ignored,
    updatedAt: ignored,
    updatedBy: ignored,
    publishedAt: ignored,
    timeToDetectMinutes: ignored,
    timeToResolveMinutes: ignored,
  })
  .strict()
  .meta({
    description:
      'The body of PUT /postmortems/{id}: the whole PostmortemContent plus `version`. The server-managed fields of a Postmortem may be sent back as read; they are ignored.',
  });

/**
 * The postmortem schema with the rules that need configuration: the
 * severity ids of this installation.
 *
 * @public
 */
export function createPostmortemContentSchema(options: {
  severities: string[];
}) {
  return postmortemContentSchema.superRefine((value, ctx) => {
    if (!isConfiguredSeverity(value.severity, options.severities)) {
      ctx.addIssue({
        code: 'custom',
        path: ['severity'],
        message: `"${value.severity}" is not one of ${options.severities.join(
          ', ',
        )}`,
      });
    }
    const m = value.milestones;
    let earlier: string | undefined;
    for (const key of POSTMORTEM_MILESTONES) {
      const at = m[key];
      if (!at) continue;
      if (earlier && Date.parse(at) < Date.parse(earlier)) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', key],
          message: 'is before an earlier milestone',
        });
      }
      earlier = at;
    }
    if (value.status !== 'draft' && value.authors.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['authors'],
        message: 'must name at least one author outside a draft',
      });
    }
  });
}

/** A problem with one field of a record. @public */
export type FieldProblem = {
  /** `milestones.resolved`, `actionItems[0].type`; empty for the whole body. */
  path: string;
  message: string;
};

/**
 * Zod's issues as people read them: the field, then what is wrong with it,
 * e.g. `authors[0] must be a user ref`.
 *
 * @public
 */
export function describeIssues(issues: z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map(issue => {
    const path = issue.path
      .map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    if (issue.code === 'unrecognized_keys') {
      return { path, message: `unknown field(s) ${issue.keys.join(', ')}` };
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return { path, message: 'is required' };
    }
    if (issue.code === 'invalid_value') {
      return {
        path,
        message: `must be one of ${issue.values.map(String).join(', ')}`,
      };
    }
    return { path, message: issue.message };
  });
}

/** What people write in a postmortem, once validated. @public */
export type PostmortemContent = Omit<
  z.output<typeof postmortemContentSchema>,
  'actionItems'
> & {
  actionItems: PostmortemActionItem[];
};
/** A postmortem as a client may send it (defaults not yet applied). @public */
export type PostmortemContentInput = z.input<typeof postmortemContentSchema>;
/** Where a postmortem is in its life. @public */
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];
/** @public */
export type ActionItemType = (typeof ACTION_ITEM_TYPES)[number];
/** @public */
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
/** The incident's milestones, ISO 8601 in UTC. @public */
export type PostmortemMilestones = z.output<typeof postmortemMilestonesSchema>;
/** One entry of the incident timeline. @public */
export type PostmortemTimelineEntry = z.output<
  typeof postmortemTimelineEntrySchema
>;
/** Something to do so that it does not happen again; stored with an id. @public */
export type PostmortemActionItem = z.output<
  typeof postmortemActionItemSchema
> & { id: string };
