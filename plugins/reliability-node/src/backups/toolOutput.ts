import { InputError } from '@backstage/errors';
import {
  type BackupEventInput,
  type BackupToolRun,
  backupToolRunSchema,
  describeIssues,
} from '@reliability-suite/plugin-reliability-common';

/**
 * A tool's output as an importer reads it: the JSON (or text) it printed and,
 * when it was posted as a captured run, how the run ended.
 */
export type ToolOutput = {
  run?: BackupToolRun;
  /** What the tool printed, parsed as JSON where it is JSON. */
  output: unknown;
  /** The printed text, for line-by-line formats. */
  text?: string;
};

function isRunEnvelope(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    'exitCode' in input &&
    'stdout' in input
  );
}

/** Reads what was posted: a tool's JSON as it is, or a captured run. */
export function readToolOutput(input: unknown): ToolOutput {
  if (!isRunEnvelope(input)) return { output: input };
  const parsed = backupToolRunSchema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(
      `Not a captured run: ${describeIssues(parsed.error.issues)
        .map(i => `${i.path} ${i.message}`)
        .join('; ')}`,
    );
  }
  const run = parsed.data;
  const text = run.stdout;
  let output: unknown;
  try {
    output = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    output = undefined;
  }
  return { run, output, text };
}

/** The first lines of a tool's error output, as an event's message. */
export function errorText(stderr: string | undefined, fallback: string) {
  const text = (stderr ?? '').trim();
  if (!text) return fallback;
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}

/**
 * A failed run of the tool itself (it exited non-zero): one failure event,
 * identified by the tool and the time the run started, so the same captured
 * run posted again is the same event.
 */
export function failedRunEvent(
  tool: string,
  run: BackupToolRun,
  target: { entityRef: string; component?: string; job?: string },
  receivedAt: Date,
): BackupEventInput {
  const startedAt = run.startedAt ?? receivedAt.toISOString();
  return {
    id: `${tool}:run:${new Date(startedAt).toISOString()}`,
    type: 'backup',
    entityRef: target.entityRef,
    ...(target.component ? { component: target.component } : {}),
    ...(target.job ? { job: target.job } : {}),
    startedAt,
    finishedAt: run.finishedAt ?? startedAt,
    result: 'failure',
    tool,
    message: errorText(run.stderr, `${tool} exited with code ${run.exitCode}`),
  };
}

/** Epoch seconds (as the tools print them) in ISO 8601. */
export const fromEpoch = (seconds: number) =>
  new Date(seconds * 1000).toISOString();
