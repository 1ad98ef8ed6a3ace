/*
 * Demo only: backup runs and restore drills for the demo's recovery plan,
 * relative to now — so that on first start the Backups & recovery card tells
 * the whole story: PostgreSQL is fine, the object store's last good backup is
 * older than its RPO (violated), and Vault's restore drill is overdue
 * (stale). PostgreSQL's and the object store's backups are real pgBackRest
 * and restic output (recorded by plugins/reliability-node/scripts/
 * backup-fixtures.sh) replayed at the demo's times; the rest is what the
 * drill scripts and Vault's snapshot CronJob would send with curl. It all goes
 * through the plugin's own API, as any reporter's does; ids carry the time,
 * so posting again changes nothing.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { BackupToolRun } from '@reliability-suite/plugin-reliability-common';
import { replayBackupToolOutput } from '@reliability-suite/plugin-reliability-node';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A recorded run of a real backup tool. */
function recorded(name: string): BackupToolRun {
  const dir = join(
    dirname(
      require.resolve(
        '@reliability-suite/plugin-reliability-node/package.json',
      ),
    ),
    'src/backups/__fixtures__',
  );
  return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
}

/** A tool's output for `POST /backups/import/{format}`. */
export interface DemoImport {
  format: 'pgbackrest' | 'restic';
  query: Record<string, string>;
  body: unknown;
}

/**
 * pgBackRest's info as the demo's nightly backups would leave it: the
 * recorded full backup replayed every night at 01:00 for two weeks, and the
 * recorded backup pgBackRest flagged for a bad page checksum on the night
 * five days ago.
 */
function pgBackRestHistory(
  at: (days: number, hour: number) => Date,
  now: Date,
) {
  const ok = JSON.parse(recorded('pgbackrest-ok').stdout);
  const failed = JSON.parse(recorded('pgbackrest-failed').stdout);
  const full = ok[0].backup.find((b: any) => b.type === 'full');
  const flagged = failed[0].backup.find((b: any) => b.error);
  const nightly = (backup: any, start: Date) =>
    replayBackupToolOutput(
      'pgbackrest',
      [{ ...ok[0], backup: [backup] }],
      Math.round(start.getTime() / 1000) - backup.timestamp.start,
    )[0].backup[0];
  const backups = [];
  for (let days = 13; days >= 0; days--) {
    const start = at(days, 1);
    const backup = nightly(days === 5 ? flagged : full, start);
    if (backup.timestamp.stop * 1000 <= now.getTime()) backups.push(backup);
  }
  // The WAL archive is reported by archive-push below, every five minutes;
  // the recorded archive range belongs to the recorded backups, not these.
  const { archive: _recorded, ...stanza } = ok[0];
  return [{ ...stanza, backup: backups }];
}

const DAY = 86400_000;

/** The demo's reports: pushed events, and tools' output to import. */
export function demoRecoveryReports(now: Date): {
  events: object[];
  imports: DemoImport[];
} {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const at = (days: number, hour: number, minutes = 0) =>
    new Date(today - days * DAY + (hour * 60 + minutes) * 60_000);
  const events: object[] = [];
  const add = (event: {
    id: string;
    start: Date;
    minutes: number;
    [key: string]: unknown;
  }) => {
    const { start, minutes, ...rest } = event;
    const finish = new Date(start.getTime() + minutes * 60_000);
    if (finish.getTime() > now.getTime()) return; // not happened yet today
    events.push({
      ...rest,
      startedAt: start.toISOString(),
      finishedAt: finish.toISOString(),
    });
  };
  const day = (d: Date) => d.toISOString().slice(0, 10);

  for (let days = 0; days < 14; days++) {
    // Vault: a raft snapshot every night at 02:00.
    const snapshot = at(days, 2);
    add({
      id: `demo-vault-snapshot-${day(snapshot)}`,
      type: 'backup',
      entityRef: 'resource:default/insights-vault',
      job: 'raft-snapshot',
      start: snapshot,
      minutes: 1,
      result: 'success',
      sizeBytes: 48_000_000,
      tool: 'vault operator raft snapshot',
    });
  }
  // PostgreSQL WAL: archived continuously; pgBackRest's archive-push reports
  // the newest segment every five minutes (the last hour of it here).
  const slot = Math.floor(now.getTime() / 300_000) * 300_000;
  for (let i = 0; i < 12; i++) {
    const start = new Date(slot - i * 300_000 - 60_000);
    add({
      id: `demo-postgres-wal-${start.toISOString()}`,
      type: 'backup',
      entityRef: 'resource:default/insights-postgres',
      job: 'wal',
      start,
      minutes: 1,
      result: 'success',
      sizeBytes: 16_777_216,
      tool: 'pgbackrest archive-push',
    });
  }
  const imports: DemoImport[] = [
    {
      format: 'pgbackrest',
      query: { entityRef: 'resource:default/insights-postgres' },
      body: pgBackRestHistory(at, now),
    },
  ];
  // The object store: restic weekly, Sundays at 03:00 — the last good
  // snapshot nine days ago; two days ago restic could not find its
  // repository.
  const snapshots = JSON.parse(recorded('restic-snapshots').stdout);
  const first = snapshots[0];
  const weekly = [9, 16, 23].flatMap(days =>
    replayBackupToolOutput(
      'restic',
      [first],
      Math.round((at(days, 3).getTime() - Date.parse(first.time)) / 1000),
    ),
  );
  imports.push({
    format: 'restic',
    query: {
      entityRef: 'resource:default/insights-object-store',
      job: 'weekly',
    },
    body: weekly,
  });
  const missing = recorded('restic-missing-repo');
  const failedAt = at(2, 3);
  if (failedAt.getTime() < now.getTime()) {
    imports.push({
      format: 'restic',
      query: {
        entityRef: 'resource:default/insights-object-store',
        job: 'weekly',
      },
      body: replayBackupToolOutput(
        'restic',
        missing,
        Math.round(
          (failedAt.getTime() - Date.parse(missing.startedAt!)) / 1000,
        ),
      ),
    });
  }

  // PostgreSQL drills, weekly: the last three days ago.
  for (const [days, minutes] of [
    [3, 12],
    [10, 14],
    [17, 13],
  ]) {
    const start = at(days, 4);
    add({
      id: `demo-postgres-drill-${day(start)}`,
      type: 'drill',
      entityRef: 'resource:default/insights-postgres',
      start,
      minutes,
      result: 'success',
      restoreSeconds: minutes * 60,
      dataVerified: true,
      tool: 'pgbackrest restore',
    });
  }
  const objectDrill = at(20, 5);
  add({
    id: `demo-object-store-drill-${day(objectDrill)}`,
    type: 'drill',
    entityRef: 'resource:default/insights-object-store',
    start: objectDrill,
    minutes: 95,
    result: 'success',
    restoreSeconds: 95 * 60,
    dataVerified: true,
    tool: 'restic restore',
  });
  // The object store: `restic check` every Sunday, reading the repository
  // back (an integrity check, not a restore: it does not count as the
  // drill the plan requires).
  for (const days of [1, 8]) {
    const check = at(days, 6);
    add({
      id: `demo-object-store-check-${day(check)}`,
      type: 'drill',
      entityRef: 'resource:default/insights-object-store',
      start: check,
      minutes: 4,
      result: 'success',
      verification: 'integrity',
      tool: 'restic check --read-data-subset=5%',
    });
  }
  // Vault's monthly drill is overdue: the last one was 40 days ago.
  const vaultDrill = at(40, 4);
  add({
    id: `demo-vault-drill-${day(vaultDrill)}`,
    type: 'drill',
    entityRef: 'resource:default/insights-vault',
    start: vaultDrill,
    minutes: 9,
    result: 'success',
    restoreSeconds: 540,
    dataVerified: true,
  });
  return { events, imports };
}

/** Posts the demo's reports once the recovery plan is indexed. */
export default createBackendModule({
  pluginId: 'reliability',
  moduleId: 'demo-recovery-data',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        logger: coreServices.logger,
      },
      async init({ auth, discovery, scheduler, logger }) {
        await scheduler.scheduleTask({
          id: 'reliability-demo-recovery-data',
          scope: 'local',
          // Again every few minutes (the WAL reports are "the last hour"); repeats
          // change nothing.
          frequency: { minutes: 5 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 15 },
          fn: async () => {
            const baseUrl = await discovery.getBaseUrl('reliability');
            const { token } = await auth.getPluginRequestToken({
              onBehalfOf: await auth.getOwnServiceCredentials(),
              targetPluginId: 'reliability',
            });
            // The first pass may come before the index has read the plan:
            // wait for it (a minute at most) rather than for the next pass.
            for (let i = 0; i < 30; i++) {
              const plan = await fetch(
                `${baseUrl}/recovery-plans/default/insights-platform`,
                { headers: { Authorization: `Bearer ${token}` } },
              );
              if (plan.ok) break;
              await new Promise(r => setTimeout(r, 2000));
            }
            const { events, imports } = demoRecoveryReports(new Date());
            const post = async (path: string, body: unknown) => {
              const response = await fetch(`${baseUrl}${path}`, {
                method: 'POST',
                headers: {
                  Authorization: `Bearer ${token}`,
                  'Content-Type': 'application/json',
                },
                body: JSON.stringify(body),
              });
              const text = await response.text();
              logger.info(
                response.ok
                  ? `Demo recovery data ${path}: ${text}`
                  : `Demo recovery data not posted yet (${path}): ${text}`,
              );
            };
            for (const { format, query, body } of imports) {
              await post(
                `/backups/import/${format}?${new URLSearchParams(query)}`,
                body,
              );
            }
            await post('/backups/events', { events });
          },
        });
      },
    });
  },
});
