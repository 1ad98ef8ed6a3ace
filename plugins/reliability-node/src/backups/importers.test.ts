import {
  backupEventSchema,
  evaluateComponent,
  type BackupToolRun,
} from '@reliability-suite/plugin-reliability-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgBackRestImporter } from './pgbackrest';
import { replayBackupToolOutput } from './replay';
import { resticImporter } from './restic';

// The fixtures are real runs of Debian's pgbackrest 2.45 and restic 0.14,
// written by scripts/backup-fixtures.sh.
const fixture = (name: string): BackupToolRun =>
  JSON.parse(
    readFileSync(join(__dirname, '__fixtures__', `${name}.json`), 'utf8'),
  );
const target = { entityRef: 'resource:default/insights-postgres' };
const receivedAt = new Date('2026-12-01T08:00:00Z');
const run = (importer: typeof pgBackRestImporter, input: unknown) =>
  importer.import(input, { target, receivedAt });

// Each event an importer makes is one the push API accepts.
const parsed = (events: unknown[]) =>
  events.map(e => backupEventSchema.parse(e));

const component = {
  name: 'postgres',
  rpo: '24h',
  rto: '30m',
  backups: [{ name: 'full', schedule: '0 1 * * *' }],
};
const stateAt = (events: unknown[], now: Date) =>
  evaluateComponent(component as any, {}, parsed(events), now);

describe('pgBackRest importer', () => {
  it('reads good full, diff and incr backups, posted as they are or as a captured run', () => {
    const captured = fixture('pgbackrest-ok');
    const asIs = run(pgBackRestImporter, JSON.parse(captured.stdout));
    expect(run(pgBackRestImporter, captured)).toEqual(asIs);
    expect(asIs.events.map(e => [e.job, e.result])).toEqual([
      ['full', 'success'],
      ['diff', 'success'],
      ['incr', 'success'],
    ]);
    const [full] = parsed(asIs.events);
    expect(full.id).toMatch(/^pgbackrest:insights:\d{8}-\d{6}F$/);
    expect(full.sizeBytes).toBeGreaterThan(1_000_000);
    expect(asIs.notes).toEqual([
      expect.stringMatching(/^stanza insights: WAL archive 0{7}1\w+ – \w+$/),
    ]);

    const lastStop = Date.parse(full.finishedAt!) + 60_000;
    expect(stateAt(asIs.events, new Date(lastStop + 3600_000)).state).toBe(
      'ok',
    );
    expect(
      stateAt(asIs.events, new Date(lastStop + 30 * 3600_000)).backup.state,
    ).toBe('violated');
  });

  it('keeps a ≈1-minute RPO green between daily fulls while the WAL archive moves, and violated once it stops', () => {
    const walPlan = {
      name: 'postgres',
      rpo: '≈ 1m',
      backups: [
        { name: 'full', schedule: 'daily' },
        { name: 'wal', type: 'WAL archive', schedule: 'continuous' },
      ],
    };
    const judge = (events: unknown[], now: Date) =>
      evaluateComponent(walPlan as any, {}, parsed(events), now);
    // Recorded: WAL archived two segments past the last backup (an incr).
    const captured = fixture('pgbackrest-wal-ahead');
    const seenAt = Date.parse(captured.finishedAt!);
    const { events } = run(pgBackRestImporter, captured);
    const wal = parsed(events).find(e => e.job === 'wal')!;
    expect(wal).toMatchObject({
      result: 'success',
      finishedAt: new Date(seenAt).toISOString(),
      message: expect.stringMatching(
        /^pgBackRest's WAL archive reached segment 0+10+8, past backup \S+I \(0+10+6\)$/,
      ),
    });
    const fresh = judge(events, new Date(seenAt + 30_000));
    expect(fresh.backup).toMatchObject({
      state: 'ok',
      window: { job: 'wal', to: wal.finishedAt },
    });
    // The oldest copy the repository holds: the end of the full.
    const full = parsed(events).find(e => e.job === 'full')!;
    expect(fresh.backup.window!.from).toBe(full.finishedAt);

    // Ten minutes on, the archive has not moved: the same segment is the
    // same event (its first sighting), and the RPO is breached.
    const again = run(pgBackRestImporter, {
      ...captured,
      finishedAt: new Date(seenAt + 600_000).toISOString(),
    });
    expect(again.events.find(e => e.job === 'wal')!.id).toBe(wal.id);
    const stopped = judge(events, new Date(seenAt + 600_000));
    expect(stopped.state).toBe('violated');
    expect(stopped.reasons[0]).toMatch(
      /^the latest point it restores to \(the wal job\) is 10m old, older than the RPO of 1m/,
    );

    // When the archive is no further than the last backup, there is no WAL
    // event: the backup's own end is the latest point.
    const atBackup = run(pgBackRestImporter, fixture('pgbackrest-ok'));
    expect(atBackup.events.some(e => e.job === 'wal')).toBe(false);
  });

  it('calls a backup with invalid page checksums a failure', () => {
    const { events } = run(pgBackRestImporter, fixture('pgbackrest-failed'));
    const last = parsed(events)
      .filter(e => e.job !== 'wal')
      .at(-1)!;
    expect(last).toMatchObject({ job: 'incr', result: 'failure' });
    expect(last.message).toMatch(/flagged backup .*I with errors/);
    const now = new Date(Date.parse(last.finishedAt!) + 3600_000);
    expect(stateAt(events, now)).toMatchObject({
      state: 'at-risk',
      reasons: [expect.stringMatching(/^the last backup run failed/)],
    });
  });

  it('sees a running backup by its lock, with the same id while it runs', () => {
    const captured = fixture('pgbackrest-running');
    const { events } = run(pgBackRestImporter, captured);
    const running = events.filter(e => e.result === 'running');
    expect(running).toHaveLength(1);
    expect(running[0].id).toMatch(/^pgbackrest:insights:running-after:.*I$/);
    expect(
      run(pgBackRestImporter, { ...captured, finishedAt: undefined }).events,
    ).toContainEqual(expect.objectContaining({ id: running[0].id }));
    expect(parsed(running)[0].finishedAt).toBeUndefined();
  });

  it('reports a missing repository as a failed check, and no backups as a note', () => {
    const missing = run(pgBackRestImporter, fixture('pgbackrest-missing-repo'));
    expect(missing.events).toEqual([
      expect.objectContaining({
        result: 'failure',
        message: 'pgBackRest stanza insights: missing stanza path (status 1)',
      }),
    ]);
    expect(stateAt(missing.events, receivedAt).reasons).toEqual([
      expect.stringMatching(
        /^no good backup reported; the last run .* failed$/,
      ),
    ]);

    const none = run(pgBackRestImporter, fixture('pgbackrest-no-backups'));
    expect(none).toEqual({
      events: [],
      notes: ['stanza insights: no valid backups yet'],
    });
    expect(stateAt(none.events, receivedAt)).toMatchObject({
      state: 'unknown',
      reasons: ['no backup reported yet'],
    });
  });

  it('refuses what is not pgbackrest info output, and a failed run is a failure', () => {
    expect(() => run(pgBackRestImporter, { hello: 'world' })).toThrow(
      /Not the output of pgbackrest info --output=json/,
    );
    expect(() =>
      run(pgBackRestImporter, { exitCode: 'one', stdout: '' }),
    ).toThrow(/Not a captured run: exitCode/);
    const failed = run(pgBackRestImporter, {
      exitCode: 56,
      stdout: '',
      stderr: 'ERROR: [056]: unable to find primary cluster',
      startedAt: '2026-12-01T07:00:00Z',
      finishedAt: '2026-12-01T07:00:02Z',
    });
    expect(parsed(failed.events)).toEqual([
      expect.objectContaining({
        id: 'pgbackrest:run:2026-12-01T07:00:00.000Z',
        result: 'failure',
        message: 'ERROR: [056]: unable to find primary cluster',
      }),
    ]);
  });
});

describe('restic importer', () => {
  it('reads snapshots as good backups, the job from the first tag', () => {
    const { events } = run(resticImporter, fixture('restic-snapshots'));
    expect(parsed(events)).toEqual([
      expect.objectContaining({ job: 'weekly', result: 'success' }),
      expect.objectContaining({ job: 'weekly', result: 'success' }),
    ]);
    // `restic backup --json` names the same snapshot: the same event.
    const backup = run(resticImporter, fixture('restic-backup-ok'));
    expect(backup.events[0].sizeBytes).toBe(600000);
    expect(events.map(e => e.id)).toContain(backup.events[0].id);
  });

  it('reports a failed backup run, a missing repository, and no snapshots yet', () => {
    const failed = run(resticImporter, fixture('restic-backup-failed'));
    expect(failed.events[0]).toMatchObject({
      result: 'failure',
      message: expect.stringMatching(
        /Fatal: all target directories\/files do not exist/,
      ),
    });
    const missing = run(resticImporter, fixture('restic-missing-repo'));
    expect(missing.events[0]).toMatchObject({
      result: 'failure',
      message: expect.stringMatching(/Is there a repository/),
    });
    expect(run(resticImporter, fixture('restic-no-snapshots'))).toEqual({
      events: [],
      notes: ['the repository has no snapshots yet'],
    });
    expect(() => run(resticImporter, [{ nope: 1 }])).toThrow(
      /Not the output of restic snapshots --json/,
    );
  });
});

describe('replayBackupToolOutput', () => {
  it('moves backups in time with new labels and snapshot ids', () => {
    const day = 86400;
    const pg = run(pgBackRestImporter, fixture('pgbackrest-ok')).events;
    const later = run(
      pgBackRestImporter,
      replayBackupToolOutput('pgbackrest', fixture('pgbackrest-ok'), day),
    ).events;
    expect(Date.parse(later[0].finishedAt!)).toBe(
      Date.parse(pg[0].finishedAt!) + day * 1000,
    );
    expect(later[0].id).not.toBe(pg[0].id);
    expect(later[1].id.split(':')[2]).toMatch(
      new RegExp(`^${later[0].id.split(':')[2]}_`),
    );
    const snaps = run(resticImporter, fixture('restic-snapshots')).events;
    const moved = run(
      resticImporter,
      replayBackupToolOutput('restic', fixture('restic-snapshots'), day),
    ).events;
    expect(moved[0].id).not.toBe(snaps[0].id);
    const backup = run(
      resticImporter,
      replayBackupToolOutput('restic', fixture('restic-backup-ok'), day),
    ).events[0];
    expect(moved.map(e => e.id)).toContain(backup.id);
  });
});
