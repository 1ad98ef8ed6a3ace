import { z } from 'zod';

// The one schema of a backup or restore-drill result, as tools report it
// (`POST /api/reliability/backups/events`): the backend validates with it,
// the types come from it, and the OpenAPI document's request schema is
// generated from it.

const isoTime = z
  .string()
  .refine(v => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'must be an ISO 8601 time, e.g. 2026-11-21T02:00:00Z',
  })
  .transform(v => new Date(v).toISOString());

/** @public */
export const BACKUP_EVENT_RESULTS = ['success', 'failure', 'running'] as const;

/**
 * How well a restore (or a backup's own check) was proved, weakest first:
 * `none`; `integrity` (the copy was read and its checksums held:
 * `restic check`, `pgbackrest verify` — not a restore); `restored` (restored
 * to a scratch target); `application` (restored, and the application's own
 * checks passed on the restored data).
 *
 * @public
 */
export const VERIFICATION_LEVELS = [
  'none',
  'integrity',
  'restored',
  'application',
] as const;

/** @public */
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** @public */
export const backupEventSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9._:@/-]{1,200}$/, {
        message:
          'must be 1–200 letters, digits and . _ : @ / - (the same id again is the same event)',
      })
      .describe(
        'Unique per event: the same id sent again changes nothing (retries are safe).',
      ),
    type: z.enum(['backup', 'drill']),
    entityRef: z
      .string()
      .max(255)
      .describe(
        'The catalog entity a recovery plan covers, e.g. resource:default/insights-postgres.',
      ),
    component: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, {
        message: 'must be a component name of the recovery plan',
      })
      .optional()
      .describe(
        "The plan's component; may be left out when the entity is a component's own entityRef.",
      ),
    job: z
      .string()
      .max(63)
      .optional()
      .describe('The backup job, e.g. full, diff, wal.'),
    startedAt: isoTime,
    finishedAt: isoTime.optional(),
    result: z.enum(BACKUP_EVENT_RESULTS),
    sizeBytes: z.number().int().min(0).optional(),
    tool: z.string().max(100).optional(),
    message: z.string().max(2000).optional(),
    restoreSeconds: z
      .number()
      .min(0)
      .optional()
      .describe('For a drill: how long the restore took, measured.'),
    dataVerified: z
      .boolean()
      .optional()
      .describe('For a drill: whether the restored data checked out.'),
    verification: z
      .enum(VERIFICATION_LEVELS)
      .optional()
      .describe(
        "How well it was proved: none, integrity (checksums read back: restic check, pgbackrest verify; not a restore), restored (to a scratch target), application (restored and the application's own checks passed). A drill that does not say is 'restored', or 'application' with dataVerified true.",
      ),
    restorableTo: isoTime
      .optional()
      .describe(
        "For a backup: the latest point its copies restore to, when that is not when it finished (a replica's time minus its lag). A WAL archive's report is restorable to when it finished: when the archive's newest segment was seen.",
      ),
    restorableFrom: isoTime
      .optional()
      .describe(
        'For a backup: the oldest point the repository could still restore to when this was reported (its oldest retained copy).',
      ),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.finishedAt && Date.parse(e.finishedAt) < Date.parse(e.startedAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['finishedAt'],
        message: 'is before startedAt',
      });
    }
    if (e.result !== 'running' && !e.finishedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['finishedAt'],
        message: `is required when the result is ${e.result}`,
      });
    }
    if (
      e.type === 'backup' &&
      (e.restoreSeconds !== undefined || e.dataVerified !== undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: 'restoreSeconds and dataVerified belong to a drill',
      });
    }
    if (e.type === 'drill' && (e.restorableTo || e.restorableFrom)) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: 'restorableTo and restorableFrom belong to a backup',
      });
    }
    if (e.restorableTo && e.finishedAt && e.restorableTo > e.finishedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['restorableTo'],
        message:
          'is after finishedAt: a backup cannot restore to later than it finished',
      });
    }
    if (
      e.restorableFrom &&
      Date.parse(e.restorableFrom) >
        Date.parse(e.restorableTo ?? e.finishedAt ?? e.startedAt)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['restorableFrom'],
        message: 'is after the latest point the backup restores to',
      });
    }
  });

/** @public */
export const backupEventBatchSchema = z
  .object({
    events: z.array(backupEventSchema).min(1).max(500),
  })
  .strict()
  .meta({
    description:
      'Backup runs and restore drills as the tools that ran them report them. All are checked first: one bad event is a 400 naming it, and nothing is stored.',
  });

/** A backup run or a restore drill, as reported. @public */
export type BackupEvent = z.output<typeof backupEventSchema>;
/** @public */
export type BackupEventInput = z.input<typeof backupEventSchema>;
