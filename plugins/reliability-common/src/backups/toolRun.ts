import { z } from 'zod';

// One run of a backup tool as the CLI's `report` command (or a script)
// captured it: what it printed and how it ended. The importers read it,
// alongside the tool's JSON posted as it is, so that a run that failed
// before printing anything (a missing repository, a lock) is still reported.

const isoTime = z
  .string()
  .refine(v => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'must be an ISO 8601 time, e.g. 2026-11-21T02:00:00Z',
  });

/** @public */
export const backupToolRunSchema = z
  .object({
    tool: z.string().max(100).optional(),
    version: z.string().max(200).optional(),
    command: z
      .string()
      .max(2000)
      .optional()
      .describe('The command that ran, for the record.'),
    exitCode: z.number().int().describe("The command's exit code."),
    startedAt: isoTime.optional(),
    finishedAt: isoTime.optional(),
    stdout: z
      .string()
      .max(900_000)
      .describe('What the command printed: its JSON output.'),
    stderr: z.string().max(20_000).default(''),
  })
  .strict()
  .meta({
    description:
      "One run of a backup tool as it was captured: what it printed (its JSON output) and its exit code, so that a run that failed before printing anything is reported too. The validator CLI's `report` command sends this.",
  });

/** A backup tool's run, captured. @public */
export type BackupToolRun = z.output<typeof backupToolRunSchema>;

/** @public */
export type BackupToolRunInput = z.input<typeof backupToolRunSchema>;
