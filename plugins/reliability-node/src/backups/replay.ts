import type { BackupToolRun } from '@reliability-suite/plugin-reliability-common';
import { createHash } from 'node:crypto';

const shiftIso = (iso: string, seconds: number) =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

// pgBackRest labels carry the backup's start time: 20261201-071042F, or
// 20261201-071042F_20261201-071046D for a diff on that full.
const shiftLabel = (label: string, seconds: number) =>
  label.replace(/(\d{8})-(\d{6})/g, (_m, day: string, time: string) => {
    const at = Date.UTC(
      Number(day.slice(0, 4)),
      Number(day.slice(4, 6)) - 1,
      Number(day.slice(6, 8)),
      Number(time.slice(0, 2)),
      Number(time.slice(2, 4)),
      Number(time.slice(4, 6)),
    );
    const d = new Date(at + seconds * 1000).toISOString();
    return `${d.slice(0, 10).replace(/-/g, '')}-${d
      .slice(11, 19)
      .replace(/:/g, '')}`;
  });

// A snapshot made at another time has another id (restic's are hashes); the
// short id (what `restic backup` prints) decides it.
const resticId = (id: string, seconds: number) =>
  seconds === 0
    ? id
    : createHash('sha256')
        .update(`${id.slice(0, 8)}:${seconds}`)
        .digest('hex');

function shiftJson(format: string, value: any, seconds: number): any {
  if (!Array.isArray(value)) return value;
  if (format === 'pgbackrest') {
    return value.map(stanza => ({
      ...stanza,
      backup: (stanza.backup ?? []).map((b: any) => ({
        ...b,
        label: shiftLabel(b.label, seconds),
        prior: b.prior ? shiftLabel(b.prior, seconds) : b.prior,
        reference: b.reference?.map((r: string) => shiftLabel(r, seconds)),
        timestamp: {
          start: b.timestamp.start + seconds,
          stop: b.timestamp.stop + seconds,
        },
      })),
    }));
  }
  if (format === 'restic') {
    return value.map(s => {
      const id = resticId(s.id, seconds);
      return {
        ...s,
        id,
        short_id: id.slice(0, 8),
        time: shiftIso(s.time, seconds),
      };
    });
  }
  return value;
}

/**
 * A real tool's output as if it had run `seconds` later (backup times, and
 * pgBackRest's labels, which carry them): how the demo replays recorded
 * pgBackRest and restic output relative to now, and how tests hold it
 * against a clock. Takes the JSON as posted or a captured run.
 *
 * @public
 */
export function replayBackupToolOutput<T>(
  format: 'pgbackrest' | 'restic',
  input: T,
  seconds: number,
): T {
  const value = input as any;
  if (value && typeof value === 'object' && 'exitCode' in value) {
    const run = value as BackupToolRun;
    let stdout = run.stdout;
    try {
      stdout = JSON.stringify(shiftJson(format, JSON.parse(stdout), seconds));
    } catch {
      // Not JSON: restic backup --json prints a message a line; the summary
      // names the snapshot it saved.
      stdout = stdout.replace(
        /"snapshot_id":"([0-9a-f]+)"/,
        (_m, id: string) =>
          `"snapshot_id":"${resticId(id, seconds).slice(0, id.length)}"`,
      );
    }
    return {
      ...run,
      stdout,
      ...(run.startedAt ? { startedAt: shiftIso(run.startedAt, seconds) } : {}),
      ...(run.finishedAt
        ? { finishedAt: shiftIso(run.finishedAt, seconds) }
        : {}),
    } as T;
  }
  return shiftJson(format, value, seconds) as T;
}
