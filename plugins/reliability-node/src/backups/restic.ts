import { InputError } from '@backstage/errors';
import type { BackupEventInput } from '@reliability-suite/plugin-reliability-common';
import type { BackupImporter, BackupImportResult } from './extensionPoint';
import { failedRunEvent, readToolOutput } from './toolOutput';

// `restic snapshots --json`: an array of snapshots (`summary` from 0.17).
type ResticSnapshot = {
  time: string;
  id: string;
  short_id?: string;
  hostname?: string;
  tags?: string[];
  summary?: {
    backup_start?: string;
    backup_end?: string;
    total_bytes_processed?: number;
  };
};
// `restic backup --json`: one JSON message a line, the last a summary.
type ResticBackupSummary = {
  message_type: 'summary';
  snapshot_id: string;
  total_bytes_processed?: number;
  total_duration?: number;
};

const isSnapshotList = (value: unknown): value is ResticSnapshot[] =>
  Array.isArray(value) &&
  value.every(
    s =>
      s &&
      typeof s === 'object' &&
      typeof s.id === 'string' &&
      typeof s.time === 'string',
  );

function backupSummary(text?: string): ResticBackupSummary | undefined {
  for (const line of (text ?? '').split('\n').reverse()) {
    if (!line.trim().startsWith('{')) continue;
    try {
      const message = JSON.parse(line);
      if (message?.message_type === 'summary' && message.snapshot_id) {
        return message;
      }
    } catch {
      // a line that is not JSON: not the summary
    }
  }
  return undefined;
}

/**
 * restic: `restic snapshots --json` posted as it is, or a captured run of
 * `restic snapshots --json` or `restic backup --json`. Each snapshot is a good
 * backup (the job is its first tag, else the target's job); a run that exited
 * non-zero (a missing repository, a lock, nothing to back up) is a failure;
 * an empty list is reported as a note, with no event.
 *
 * @public
 */
export const resticImporter: BackupImporter = {
  format: 'restic',
  description: 'restic snapshots --json (or a captured restic backup --json)',
  import(input, { target, receivedAt }): BackupImportResult {
    const { run, output, text } = readToolOutput(input);
    const base = {
      entityRef: target.entityRef,
      ...(target.component ? { component: target.component } : {}),
      tool: 'restic',
    };
    // restic exits 3 when it saved a snapshot but could not read every file.
    const summary = run ? backupSummary(text) : undefined;
    if (run && run.exitCode !== 0 && !summary) {
      return {
        events: [failedRunEvent('restic', run, target, receivedAt)],
        notes: [`restic exited with code ${run.exitCode}`],
      };
    }
    if (summary && run) {
      const finishedAt = run.finishedAt ?? receivedAt.toISOString();
      const startedAt =
        run.startedAt ??
        new Date(
          Date.parse(finishedAt) - (summary.total_duration ?? 0) * 1000,
        ).toISOString();
      const incomplete = run.exitCode !== 0;
      const event: BackupEventInput = {
        ...base,
        id: `restic:${summary.snapshot_id.slice(0, 8)}`,
        type: 'backup',
        ...(target.job ? { job: target.job } : {}),
        startedAt,
        finishedAt,
        result: incomplete ? 'failure' : 'success',
        ...(summary.total_bytes_processed !== undefined
          ? { sizeBytes: summary.total_bytes_processed }
          : {}),
        ...(incomplete
          ? {
              message: `restic saved snapshot ${summary.snapshot_id} incomplete (exit ${run.exitCode}): some files could not be read`,
            }
          : {}),
      };
      return { events: [event], notes: [] };
    }
    if (!isSnapshotList(output)) {
      throw new InputError(
        'Not the output of restic snapshots --json: expected an array of snapshots, each with an id and a time',
      );
    }
    if (output.length === 0) {
      return { events: [], notes: ['the repository has no snapshots yet'] };
    }
    // What `forget` left: the oldest snapshot the repository still holds.
    const oldest = output
      .map(s => new Date(s.summary?.backup_start ?? s.time).toISOString())
      .sort()[0];
    const events = output.map((s): BackupEventInput => {
      const job = s.tags?.[0] ?? target.job;
      const started = s.summary?.backup_start ?? s.time;
      const finished = s.summary?.backup_end ?? s.time;
      return {
        ...base,
        id: `restic:${s.short_id ?? s.id.slice(0, 8)}`,
        type: 'backup',
        ...(job && /^[A-Za-z0-9._-]{1,63}$/.test(job) ? { job } : {}),
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date(finished).toISOString(),
        result: 'success',
        // A snapshot holds the files as they were when it started.
        restorableTo: new Date(started).toISOString(),
        restorableFrom: oldest,
        ...(s.summary?.total_bytes_processed !== undefined
          ? { sizeBytes: s.summary.total_bytes_processed }
          : {}),
      };
    });
    return { events, notes: [] };
  },
};
