import { InputError } from '@backstage/errors';
import type { BackupEventInput } from '@reliability-suite/plugin-reliability-common';
import type { BackupImporter, BackupImportResult } from './extensionPoint';
import { failedRunEvent, fromEpoch, readToolOutput } from './toolOutput';

// `pgbackrest info --output=json` (pgBackRest 2.x): an array of stanzas.
type PgBackRestBackup = {
  label: string;
  type: 'full' | 'diff' | 'incr';
  /** The WAL segments the backup needs, first and last. */
  archive?: { start?: string | null; stop?: string | null };
  timestamp: { start: number; stop: number };
  info?: { size?: number; repository?: { size?: number; delta?: number } };
  error?: boolean;
};
type PgBackRestStanza = {
  name: string;
  status: {
    code: number;
    message: string;
    lock?: { backup?: { held?: boolean } };
  };
  archive?: Array<{ id?: string; min: string | null; max: string | null }>;
  backup?: PgBackRestBackup[];
};

function isStanzaList(value: unknown): value is PgBackRestStanza[] {
  return (
    Array.isArray(value) &&
    value.every(
      s =>
        s &&
        typeof s === 'object' &&
        typeof s.name === 'string' &&
        s.status &&
        typeof s.status.code === 'number',
    )
  );
}

/**
 * pgBackRest: `pgbackrest info --output=json`, posted as it is or as a
 * captured run. Each backup set is an event (`full`, `diff` or `incr`; one
 * flagged with `error` — e.g. invalid page checksums — is a failure); a
 * backup holding the lock is a running one; a stanza whose status is an
 * error (missing stanza path, …) is a failed check; "no valid backups" is
 * reported as a note, with no event.
 *
 * The recoverable window: every backup event carries `restorableFrom`, the
 * end of the oldest good backup the repository still holds (what retention
 * left). When the WAL archive's newest segment (`archive[].max`) is past the
 * last backup's own (`archive.stop`), WAL was archived after it: a `wal`
 * job event, finished when the report was taken, says the database restores
 * to that point. Its id is the segment's, so the same segment seen again is
 * the same event, and an archive that stopped leaves it ageing.
 *
 * @public
 */
export const pgBackRestImporter: BackupImporter = {
  format: 'pgbackrest',
  description: 'pgbackrest info --output=json',
  import(input, { target, receivedAt }): BackupImportResult {
    const { run, output } = readToolOutput(input);
    const base = {
      entityRef: target.entityRef,
      ...(target.component ? { component: target.component } : {}),
      tool: 'pgbackrest',
    };
    if (run && run.exitCode !== 0 && !isStanzaList(output)) {
      return {
        events: [failedRunEvent('pgbackrest', run, target, receivedAt)],
        notes: [`pgbackrest exited with code ${run.exitCode}`],
      };
    }
    if (!isStanzaList(output)) {
      throw new InputError(
        'Not the output of pgbackrest info --output=json: expected an array of stanzas, each with a name and a status code',
      );
    }
    const seenAt = run?.finishedAt ?? receivedAt.toISOString();
    const events: BackupEventInput[] = [];
    const notes: string[] = [];
    for (const stanza of output) {
      const backups = stanza.backup ?? [];
      const good = backups
        .filter(b => !b.error)
        .sort((a, b) => a.timestamp.stop - b.timestamp.stop);
      const restorableFrom = good.length
        ? { restorableFrom: fromEpoch(good[0].timestamp.stop) }
        : {};
      for (const b of backups) {
        events.push({
          ...base,
          id: `pgbackrest:${stanza.name}:${b.label}`,
          type: 'backup',
          job: b.type,
          startedAt: fromEpoch(b.timestamp.start),
          finishedAt: fromEpoch(b.timestamp.stop),
          result: b.error ? 'failure' : 'success',
          ...(b.error ? {} : restorableFrom),
          ...(b.info?.repository?.delta !== undefined
            ? { sizeBytes: b.info.repository.delta }
            : {}),
          ...(b.error
            ? {
                message: `pgBackRest flagged backup ${b.label} with errors (such as invalid page checksums): see its log`,
              }
            : {}),
        });
      }
      const last = backups[backups.length - 1]?.label ?? 'none';
      if (stanza.status.lock?.backup?.held) {
        // The run after the last finished backup: the same id while it runs.
        events.push({
          ...base,
          id: `pgbackrest:${stanza.name}:running-after:${last}`,
          type: 'backup',
          ...(target.job ? { job: target.job } : {}),
          startedAt: seenAt,
          result: 'running',
          message: `pgBackRest holds the backup lock of stanza ${stanza.name}: a backup is running`,
        });
      }
      const { code, message } = stanza.status;
      if (code === 2) {
        notes.push(`stanza ${stanza.name}: no valid backups yet`);
      } else if (code !== 0) {
        // A check that failed; one event a day while the status stays.
        events.push({
          ...base,
          id: `pgbackrest:${stanza.name}:status-${code}:${seenAt.slice(0, 10)}`,
          type: 'backup',
          ...(target.job ? { job: target.job } : {}),
          startedAt: seenAt,
          finishedAt: seenAt,
          result: 'failure',
          message: `pgBackRest stanza ${stanza.name}: ${message} (status ${code})`,
        });
        notes.push(`stanza ${stanza.name}: ${message} (status ${code})`);
      }
      // The current archive: the newest segment of all (a segment name
      // orders by timeline, then position).
      const archive = (stanza.archive ?? [])
        .filter(a => a.min && a.max)
        .sort((a, b) => a.max!.localeCompare(b.max!))
        .pop();
      if (archive) {
        notes.push(
          `stanza ${stanza.name}: WAL archive ${archive.min} – ${archive.max}`,
        );
        const lastGood = good[good.length - 1];
        const lastStop = lastGood?.archive?.stop;
        if (lastGood && lastStop && archive.max!.localeCompare(lastStop) > 0) {
          events.push({
            ...base,
            id: `pgbackrest:${stanza.name}:wal:${archive.id ?? 'archive'}:${
              archive.max
            }:after:${lastGood.label}`,
            type: 'backup',
            job: 'wal',
            startedAt: seenAt,
            finishedAt: seenAt,
            result: 'success',
            ...restorableFrom,
            message: `pgBackRest's WAL archive reached segment ${archive.max}, past backup ${lastGood.label} (${lastStop})`,
          });
        }
      }
    }
    return { events, notes };
  },
};
