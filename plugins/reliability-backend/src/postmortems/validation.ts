import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  minutesBetween,
  type PostmortemContent,
} from '@reliability-suite/plugin-reliability-common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
const markdown = text(50_000).optional();
const isoTime = z
  .string()
  .refine(v => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'must be an ISO 8601 time, e.g. 2026-11-21T09:30:00Z',
  })
  .transform(v => new Date(v).toISOString());
const entityRef = z
  .string()
  .max(255)
  .transform((v, ctx) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(v, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      ).toLocaleLowerCase('en-US');
    } catch (e) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `is not an entity ref: ${(e as Error).message}`,
      });
      return z.NEVER;
    }
  });
const list = <T extends z.ZodTypeAny>(item: T, max = 200) =>
  z.array(item).max(max).default([]);

const actionItem = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .optional(),
    title: text(500).min(1, 'must not be empty'),
    type: z.enum(['prevent', 'mitigate', 'detect', 'process']),
    owner: text(255).optional(),
    priority: text(32).optional(),
    status: z.enum(['open', 'in-progress', 'done', 'wont-do']).default('open'),
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, e.g. 2026-12-01')
      .optional(),
    trackerUrl: z
      .string()
      .url()
      .regex(/^https?:\/\//i, 'must be an http(s) URL')
      .max(2000)
      .optional(),
    runbook: z
      .string()
      .regex(
        /^[a-z0-9-]{1,63}\/[a-z0-9-]{1,63}$/,
        'must be namespace/name of a runbook',
      )
      .optional(),
  })
  .strict();

const contentSchema = z
  .object({
    title: text(300).min(1, 'must not be empty'),
    status: z.enum(['draft', 'in-review', 'published']).default('draft'),
    authors: list(entityRef, 50),
    owner: entityRef.optional(),
    severity: text(64).optional(),
    category: text(100).optional(),
    entityRefs: list(entityRef, 100),
    alerts: list(text(200), 100),
    runbooks: list(
      z
        .string()
        .regex(
          /^[a-z0-9-]{1,63}\/[a-z0-9-]{1,63}$/,
          'must be namespace/name of a runbook',
        ),
      100,
    ),
    milestones: z
      .object({
        started: isoTime.optional(),
        detected: isoTime.optional(),
        acknowledged: isoTime.optional(),
        mitigated: isoTime.optional(),
        resolved: isoTime.optional(),
      })
      .strict()
      .default({}),
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
    timeline: list(
      z
        .object({
          at: isoTime,
          event: text(5000).min(1, 'must not be empty'),
          link: z
            .string()
            .url()
            .regex(/^https?:\/\//i, 'must be an http(s) URL')
            .optional(),
        })
        .strict(),
      2000,
    ),
    actionItems: list(actionItem, 500),
    incidentId: text(100).optional(),
  })
  .strict();

function describe(issue: z.ZodIssue): string {
  const path = issue.path
    .map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  if (issue.code === 'unrecognized_keys') {
    return `${path ? `${path}: ` : ''}unknown field(s) ${issue.keys.join(
      ', ',
    )}`;
  }
  const field = path || 'body';
  if (
    issue.code === 'invalid_type' &&
    /received undefined/.test(issue.message)
  ) {
    return `${field} is required`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${field} must be one of ${(issue.values as unknown[]).join(', ')}`;
  }
  return `${field} ${issue.message}`;
}

/**
 * Validates a postmortem as a client sends it: every problem is named by its
 * field (`milestones.resolved must be an ISO 8601 time`), in one 400.
 */
export function parsePostmortemContent(
  body: unknown,
  options: { severities: string[] },
): PostmortemContent {
  const result = contentSchema.safeParse(body);
  if (!result.success) {
    throw new InputError(
      `Invalid postmortem: ${result.error.issues
        .slice(0, 10)
        .map(describe)
        .join('; ')}`,
    );
  }
  const value = result.data;
  const problems: string[] = [];
  if (
    value.severity !== undefined &&
    !options.severities.includes(value.severity)
  ) {
    problems.push(
      `severity "${value.severity}" is not one of ${options.severities.join(
        ', ',
      )}`,
    );
  }
  const m = value.milestones;
  const order = [
    'started',
    'detected',
    'acknowledged',
    'mitigated',
    'resolved',
  ] as const;
  for (let i = 1; i < order.length; i++) {
    const earlier = order
      .slice(0, i)
      .map(k => m[k])
      .filter(Boolean)
      .pop();
    const later = m[order[i]];
    if (earlier && later && Date.parse(later) < Date.parse(earlier)) {
      problems.push(`milestones.${order[i]} is before an earlier milestone`);
    }
  }
  if (value.status !== 'draft' && value.authors.length === 0) {
    problems.push('authors must name at least one author outside a draft');
  }
  const ids = new Set<string>();
  const actionItems = value.actionItems.map(item => {
    let id = item.id ?? randomUUID().slice(0, 8);
    while (ids.has(id)) id = randomUUID().slice(0, 8);
    ids.add(id);
    return { ...item, id };
  });
  if (problems.length > 0) {
    throw new InputError(`Invalid postmortem: ${problems.join('; ')}`);
  }
  return {
    ...value,
    entityRefs: [...new Set(value.entityRefs)],
    authors: [...new Set(value.authors)],
    lessons: {
      wentWell: value.lessons.wentWell ?? [],
      wentWrong: value.lessons.wentWrong ?? [],
      gotLucky: value.lessons.gotLucky ?? [],
    },
    actionItems,
  } as PostmortemContent;
}

/** The durations people ask for first, from the milestones. */
export function computedDurations(content: PostmortemContent) {
  const { started, detected, resolved } = content.milestones;
  return {
    timeToDetectMinutes: minutesBetween(started, detected),
    timeToResolveMinutes: minutesBetween(started, resolved),
  };
}
