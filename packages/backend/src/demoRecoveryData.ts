/*
 * Demo only: backup runs and restore drills for the demo's recovery plan, as
 * the platform's backup jobs and drill scripts would report them, relative to
 * now — so that on first start the Backups & recovery card tells the whole
 * story: PostgreSQL is fine, the object store's last good backup is older than
 * its RPO (violated), and Vault's restore drill is overdue (stale). It posts
 * them through the plugin's own API, as any reporter does; event ids carry
 * the day, so posting again changes nothing.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

const DAY = 86400_000;

/** The demo's reports, `days` before today at `hour` UTC. */
export function demoRecoveryEvents(now: Date) {
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
    // PostgreSQL: a pgBackRest full every night at 01:00; one failed night.
    const start = at(days, 1);
    add({
      id: `demo-postgres-full-${day(start)}`,
      type: 'backup',
      entityRef: 'resource:default/insights-postgres',
      job: 'full',
      start,
      minutes: 14,
      result: days === 5 ? 'failure' : 'success',
      ...(days === 5
        ? {
            message:
              'ERROR: [082]: WAL segment was not archived before the 60000ms timeout',
          }
        : { sizeBytes: 7_340_032_000 - days * 21_000_000 }),
      tool: 'pgbackrest',
    });
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
  // The object store: restic weekly; the last good one nine days ago, the
  // run two days ago failed (a stale lock).
  for (const days of [9, 16, 23]) {
    const start = at(days, 3);
    add({
      id: `demo-object-store-restic-${day(start)}`,
      type: 'backup',
      entityRef: 'resource:default/insights-object-store',
      job: 'weekly',
      start,
      minutes: 40,
      result: 'success',
      sizeBytes: 212_000_000_000,
      tool: 'restic',
    });
  }
  const failed = at(2, 3);
  add({
    id: `demo-object-store-restic-${day(failed)}`,
    type: 'backup',
    entityRef: 'resource:default/insights-object-store',
    job: 'weekly',
    start: failed,
    minutes: 1,
    result: 'failure',
    message:
      'Fatal: unable to create lock in backend: repository is already locked',
    tool: 'restic',
  });
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
  return events;
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
          // Again every few minutes: the first tries may come before the
          // index has read the plan; repeats change nothing.
          frequency: { minutes: 5 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 15 },
          fn: async () => {
            const baseUrl = await discovery.getBaseUrl('reliability');
            const { token } = await auth.getPluginRequestToken({
              onBehalfOf: await auth.getOwnServiceCredentials(),
              targetPluginId: 'reliability',
            });
            const response = await fetch(`${baseUrl}/backups/events`, {
              method: 'POST',
              headers: {
                Authorization: `Bearer ${token}`,
                'Content-Type': 'application/json',
              },
              body: JSON.stringify({ events: demoRecoveryEvents(new Date()) }),
            });
            const body = await response.text();
            if (!response.ok) {
              logger.info(`Demo recovery data not posted yet: ${body}`);
              return;
            }
            logger.info(`Demo recovery data: ${body}`);
          },
        });
      },
    });
  },
});
