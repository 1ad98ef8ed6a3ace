import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  type BackupEventSource,
  replayBackupToolOutput,
} from '@reliability-suite/plugin-reliability-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRecoveryBackend } from '../__testUtils__/recoveryBackend';

const databases = TestDatabases.create();

// Real runs of Debian's pgbackrest and restic, recorded by
// plugins/reliability-node/scripts/backup-fixtures.sh.
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(
      join(
        __dirname,
        '../../../reliability-node/src/backups/__fixtures__',
        `${name}.json`,
      ),
      'utf8',
    ),
  );

// pgBackRest's output moved so that its newest backup ended `hours` ago.
function pgBackRestEndingAgo(name: string, hours: number) {
  const run = fixture(name);
  const stops = JSON.parse(run.stdout).flatMap((s: any) =>
    s.backup.map((b: any) => b.timestamp.stop),
  );
  const shift =
    Math.round(Date.now() / 1000 - hours * 3600) - Math.max(...stops);
  return replayBackupToolOutput('pgbackrest', run, shift);
}

describe.each(databases.eachSupportedId())(
  'backup tool output on %s',
  databaseId => {
    it('imports pgBackRest info as it is printed, once, and judges the component by it', async () => {
      const backend = await startRecoveryBackend(databases, databaseId);
      const output = JSON.parse(pgBackRestEndingAgo('pgbackrest-ok', 2).stdout);
      const path =
        '/backups/import/pgbackrest?entityRef=resource:default/insights-postgres';
      const first = await backend.post(path, output);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        format: 'pgbackrest',
        events: 3,
        accepted: 3,
        duplicates: 0,
        notes: [expect.stringMatching(/^stanza insights: WAL archive /)],
      });
      expect((await backend.post(path, output)).body).toMatchObject({
        accepted: 0,
        duplicates: 3,
      });
      const [postgres] = (await backend.status()).components;
      expect(postgres).toMatchObject({
        state: 'unknown', // no drill reported yet
        backup: { state: 'ok', tool: 'pgbackrest', lastResult: 'success' },
      });
      expect(postgres.backup.ageSeconds).toBeGreaterThan(2 * 3600 - 60);
    });

    it("keeps a ≈1-minute RPO green on pgBackRest's WAL archive between daily fulls, and violated once the archive stops", async () => {
      const plan = `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: insights-data }
spec:
  components:
    - name: postgres
      entityRef: resource:insights-postgres
      rpo: ≈ 1m
      backups:
        - { name: full, schedule: daily }
        - { name: wal, type: WAL archive, schedule: continuous }
`;
      const path =
        '/backups/import/pgbackrest?entityRef=resource:default/insights-postgres';
      // Recorded: WAL archived past the last backup; the report taken
      // `seconds` ago.
      const reportAgo = (seconds: number) => {
        const run = fixture('pgbackrest-wal-ahead');
        const shift =
          Math.round(Date.now() / 1000 - seconds) -
          Date.parse(run.finishedAt) / 1000;
        return replayBackupToolOutput('pgbackrest', run, shift);
      };

      const fresh = await startRecoveryBackend(databases, databaseId, {
        plan,
      });
      expect((await fresh.post(path, reportAgo(20))).body).toMatchObject({
        events: 4,
        accepted: 4,
      });
      const [moving] = (await fresh.status()).components;
      expect(moving.backup).toMatchObject({
        state: 'ok',
        window: {
          job: 'wal',
          from: expect.any(String),
          to: expect.any(String),
        },
      });
      expect(moving.backup.ageSeconds).toBeLessThan(60);

      // The same archive reported a quarter of an hour ago and again now:
      // the segment has not moved, so it counts from when it was first seen.
      const stopped = await startRecoveryBackend(databases, databaseId, {
        plan,
      });
      const earlier = reportAgo(900);
      await stopped.post(path, earlier);
      const now = { ...earlier, finishedAt: new Date().toISOString() };
      expect((await stopped.post(path, now)).body).toMatchObject({
        accepted: 0,
        duplicates: 4,
      });
      const [still] = (await stopped.status()).components;
      expect(still.state).toBe('violated');
      // 15 minutes, and the seconds a loaded machine took since.
      expect(still.reasons[0]).toMatch(
        /^the latest point it restores to \(the wal job\) is 15m(?: \d{1,2}s)? old, older than the RPO of 1m/,
      );
    });

    it('judges a flagged backup, an old one, a missing repository and none at all', async () => {
      const backend = await startRecoveryBackend(databases, databaseId);
      const path =
        '/backups/import/pgbackrest?entityRef=component:default/insights-api&component=postgres';
      const backupState = async () =>
        (await backend.status()).components[0].backup;

      await backend.post(path, fixture('pgbackrest-no-backups'));
      expect(await backupState()).toMatchObject({ state: 'unknown' });
      expect(
        (await backend.post(path, fixture('pgbackrest-no-backups'))).body.notes,
      ).toEqual(['stanza insights: no valid backups yet']);

      // The repository is gone: a failed check, no good backup.
      const missing = await backend.post(
        path,
        fixture('pgbackrest-missing-repo'),
      );
      expect(missing.body).toMatchObject({ events: 1, accepted: 1 });
      expect((await backend.status()).components[0].reasons).toEqual([
        expect.stringMatching(
          /^no good backup reported; the last run .* failed$/,
        ),
        'no restore drill reported yet',
      ]);

      // Good backups 30 hours old: older than the RPO of 24h.
      await backend.post(path, pgBackRestEndingAgo('pgbackrest-ok', 30));
      expect(await backupState()).toMatchObject({ state: 'violated' });

      // The newest backup is flagged with checksum errors: at risk.
      await backend.post(path, pgBackRestEndingAgo('pgbackrest-failed', 1));
      expect(await backupState()).toMatchObject({
        state: 'at-risk',
        lastResult: 'failure',
      });
    });

    it('imports restic snapshots and captured runs; a failed run counts', async () => {
      const backend = await startRecoveryBackend(databases, databaseId);
      const path =
        '/backups/import/restic?entityRef=resource:default/insights-postgres';
      const shift =
        Math.round(Date.now() / 1000) -
        Math.round(Date.parse(fixture('restic-snapshots').finishedAt) / 1000) -
        3600;
      const snapshots = replayBackupToolOutput(
        'restic',
        JSON.parse(fixture('restic-snapshots').stdout),
        shift,
      );
      expect((await backend.post(path, snapshots)).body).toMatchObject({
        events: 2,
        accepted: 2,
      });
      expect((await backend.status()).components[0].backup).toMatchObject({
        state: 'ok',
        tool: 'restic',
      });
      const failed = replayBackupToolOutput(
        'restic',
        fixture('restic-backup-failed'),
        shift + 1800,
      );
      expect((await backend.post(path, failed)).body).toMatchObject({
        accepted: 1,
      });
      expect((await backend.status()).components[0].backup).toMatchObject({
        state: 'at-risk',
        lastResult: 'failure',
      });
    });

    it('refuses what it cannot read with a clear 4xx and stores nothing', async () => {
      const backend = await startRecoveryBackend(databases, databaseId);
      const cases: Array<[string, unknown, number, RegExp]> = [
        [
          '/backups/import/velero?entityRef=resource:insights-postgres',
          [],
          404,
          /No importer for "velero"; there are: pgbackrest, restic/,
        ],
        [
          '/backups/import/pgbackrest?entityRef=resource:insights-postgres',
          [{ a: 1 }],
          400,
          /Not the output of pgbackrest info/,
        ],
        [
          '/backups/import/pgbackrest?entityRef=resource:insights-postgres',
          { exitCode: 0 },
          400,
          /request\/body/,
        ],
        [
          '/backups/import/pgbackrest?entityRef=not%20a%20ref',
          [],
          400,
          /entityRef "not a ref"/,
        ],
        ['/backups/import/pgbackrest', [], 400, /entityRef/],
        [
          '/backups/import/pgbackrest?entityRef=resource:nope',
          fixture('pgbackrest-ok'),
          400,
          /no recovery plan covers resource:default\/nope/,
        ],
      ];
      for (const [path, body, code, message] of cases) {
        const answer = await backend.post(path, body);
        expect([path, answer.status]).toEqual([path, code]);
        expect(answer.body.error.message).toMatch(message);
      }
      expect(
        (
          await backend.post(
            '/backups/import/restic?entityRef=resource:insights-postgres',
            [],
            mockCredentials.none.header(),
          )
        ).status,
      ).toBe(401);
      expect((await backend.status()).components[0].backup.state).toBe(
        'unknown',
      );
    });

    it('runs sources that modules add on the scheduler and shows their last pass', async () => {
      let calls = 0;
      const source: BackupEventSource = {
        id: 'test-source',
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
        async collect({ now }) {
          calls++;
          const at = new Date(now.getTime() - 3600_000).toISOString();
          return {
            events: [
              {
                id: `test-source:${at.slice(0, 13)}`,
                type: 'backup',
                entityRef: 'resource:default/insights-postgres',
                startedAt: at,
                finishedAt: at,
                result: 'success',
                tool: 'test',
              },
              // A mapping to an entity no plan covers is set aside alone.
              {
                id: 'test-source:elsewhere',
                type: 'backup',
                entityRef: 'resource:default/elsewhere',
                startedAt: at,
                finishedAt: at,
                result: 'success',
              },
            ],
            notes: ['asked once'],
          };
        },
      };
      const backend = await startRecoveryBackend(databases, databaseId, {
        sources: [source],
      });
      const sourceState = async () =>
        (await backend.get('/backups/sources')).body.sources[0];
      await backend.runTask(
        'reliability-backup-source:test-source',
        async () => (await sourceState()).lastRunAt !== undefined,
      );
      expect(calls).toBeGreaterThanOrEqual(1);
      expect(await sourceState()).toMatchObject({
        id: 'test-source',
        lastEvents: 2,
        lastAccepted: 1,
        lastError: expect.stringMatching(
          /^1 event\(s\) set aside: events\[1\]\.entityRef: no recovery plan covers resource:default\/elsewhere/,
        ),
        notes: ['asked once'],
      });
      expect((await backend.status()).components[0].backup).toMatchObject({
        state: 'ok',
        tool: 'test',
      });
      expect((await backend.get('/backups/sources')).body.importers).toEqual([
        { format: 'pgbackrest', description: 'pgbackrest info --output=json' },
        {
          format: 'restic',
          description:
            'restic snapshots --json (or a captured restic backup --json)',
        },
      ]);
    });
  },
);
