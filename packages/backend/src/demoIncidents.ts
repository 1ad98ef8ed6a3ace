/*
 * Demo only: a believable incident history for the demo services, relative
 * to now — resolved incidents with their roles, status updates, timelines
 * and postmortems (one published, one a draft, one still due), a minor one
 * that needs none, and one open incident whose alert is still firing and
 * whose commander is the demo guest. Loaded through the plugin's own import
 * route, as a migration from another tool would be; each record is imported
 * once (by its external id), so restarting changes nothing (delete
 * data/sqlite to see them anew, relative to the new now).
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

const MINUTE = 60_000;

/** The demo's incidents as `POST /incidents/import` takes them. */
export function demoIncidents(now: Date): object[] {
  const at = (minutesAgo: number) =>
    new Date(now.getTime() - minutesAgo * MINUTE).toISOString();
  const day = 24 * 60;
  const date = (minutesAgo: number) => at(minutesAgo).slice(0, 10);
  // A resolved alert of the insights namespace, judged by the responders.
  const judgedAlert = (
    fingerprint: string,
    labels: Record<string, string>,
    [startedAgo, endedAgo]: [number, number],
    verdict: string,
  ) => ({
    fingerprint,
    status: 'resolved',
    labels: { namespace: 'insights', ...labels },
    startsAt: at(startedAgo),
    endsAt: at(endedAgo),
    verdict,
  });

  // 23 days ago: PostgreSQL's volume filled up; the API answered 503.
  const p1 = 23 * day;
  const postgres = {
    externalId: 'demo:postgres-volume',
    title: 'Insights API down: PostgreSQL volume full',
    severity: 'P1',
    status: 'resolved',
    summary:
      'The PostgreSQL data volume filled up with WAL after the archive command started failing; the primary stopped accepting writes and the API answered 503.',
    entityRefs: ['resource:insights-postgres', 'component:insights-api'],
    runbooks: ['default/postgres-disk-full', 'default/postgres-down'],
    links: [
      {
        kind: 'chat',
        title: '#inc-postgres-volume',
        url: 'https://chat.acme.example/archives/inc-postgres-volume',
      },
    ],
    milestones: {
      started: at(p1),
      detected: at(p1 - 3),
      acknowledged: at(p1 - 7),
      mitigated: at(p1 - 52),
      resolved: at(p1 - 75),
    },
    roles: [
      { role: 'commander', user: 'amara.okafor', assumedAt: at(p1 - 7) },
      { role: 'scribe', user: 'jonas.lindqvist', assumedAt: at(p1 - 10) },
      { role: 'communications', user: 'lena.schmidt', assumedAt: at(p1 - 12) },
    ],
    statusUpdates: [
      {
        at: at(p1 - 15),
        by: 'amara.okafor',
        conditions:
          'The API answers 503 for every request; PostgreSQL rejects writes (disk full).',
        actions:
          'Growing the volume by 50 GiB; checking why WAL is not archived.',
        needs: 'Someone with access to the storage console.',
      },
      {
        at: at(p1 - 45),
        by: 'amara.okafor',
        conditions: 'Writes work again; the API recovers.',
        actions:
          'Archive command fixed (expired S3 credentials); WAL draining.',
      },
    ],
    timeline: [
      {
        at: at(p1 - 3),
        actor: 'alertmanager',
        type: 'alert-fired',
        summary: 'PostgresVolumeAlmostFull fired: the data volume is 97% full',
      },
      {
        at: at(p1 - 5),
        actor: 'alertmanager',
        type: 'alert-fired',
        summary: 'InsightsApiDatabaseUnreachable fired',
      },
      {
        at: at(p1 - 20),
        actor: 'user:default/jonas.lindqvist',
        summary:
          'archive_command fails: the S3 credentials of pgBackRest expired yesterday',
        pinned: true,
      },
      {
        at: at(p1 - 30),
        actor: 'user:default/amara.okafor',
        summary: 'Volume grown to 150 GiB; PostgreSQL back up',
        pinned: true,
      },
      {
        at: at(p1 - 52),
        actor: 'user:default/amara.okafor',
        type: 'status-changed',
        summary: 'Status open → mitigated',
      },
      {
        at: at(p1 - 75),
        actor: 'user:default/amara.okafor',
        type: 'status-changed',
        summary: 'Status mitigated → resolved',
      },
    ],
    checklist: [
      {
        runbook: 'default/postgres-disk-full',
        step: 'diagnosis[0]',
        by: 'amara.okafor',
        at: at(p1 - 9),
      },
      {
        runbook: 'default/postgres-disk-full',
        step: 'diagnosis[2]',
        by: 'amara.okafor',
        at: at(p1 - 14),
      },
      {
        runbook: 'default/postgres-disk-full',
        step: 'diagnosis[3]',
        outcome: 'skipped',
        note: 'no replica was down',
        by: 'amara.okafor',
        at: at(p1 - 15),
      },
      {
        runbook: 'default/postgres-disk-full',
        step: 'immediateActions[1]',
        by: 'amara.okafor',
        at: at(p1 - 30),
      },
      {
        runbook: 'default/postgres-disk-full',
        step: 'recovery[0]',
        by: 'jonas.lindqvist',
        at: at(p1 - 48),
      },
      {
        runbook: 'default/postgres-disk-full',
        step: 'recovery[4]',
        outcome: 'unhelpful',
        note: 'the alert fired on for 10 minutes after the volume grew: its for: 10m holds it',
        by: 'amara.okafor',
        at: at(p1 - 60),
      },
    ],
    postmortem: {
      title: 'Insights API down: PostgreSQL volume full',
      status: 'published',
      authors: ['amara.okafor', 'jonas.lindqvist'],
      owner: 'group:platform-team',
      severity: 'P1',
      category: 'database',
      entityRefs: ['resource:insights-postgres', 'component:insights-api'],
      alerts: ['PostgresVolumeAlmostFull', 'InsightsApiDatabaseUnreachable'],
      runbooks: ['default/postgres-disk-full'],
      milestones: {
        started: at(p1),
        detected: at(p1 - 3),
        acknowledged: at(p1 - 7),
        mitigated: at(p1 - 52),
        resolved: at(p1 - 75),
      },
      summary:
        'For 52 minutes the Insights API answered 503: PostgreSQL ran out of disk because WAL was no longer archived.',
      impact: 'Every customer; no data was lost (WAL kept locally).',
      usersAffected: 1200,
      slaBreached: true,
      detection:
        'PostgresVolumeAlmostFull paged the on-call engineer 3 minutes after the start.',
      trigger: 'The S3 credentials pgBackRest archives with expired.',
      rootCauses: [
        'Credentials for the backup bucket had a fixed expiry nobody tracked',
      ],
      contributingFactors: [
        'No alert on failing WAL archiving',
        'The volume had no headroom',
      ],
      resolution:
        'Grew the volume, renewed the credentials, let WAL drain to the archive.',
      lessons: {
        wentWell: ['The disk-full runbook worked step by step'],
        wentWrong: ['WAL archiving had failed silently for 20 hours'],
        gotLucky: ['It happened in working hours'],
      },
      actionItems: [
        {
          title: 'Alert when archive_command fails',
          type: 'detect',
          owner: 'group:platform-team',
          priority: 'P1',
          status: 'done',
          dueDate: date(p1 - 3 * day),
        },
        {
          title: 'Rotate backup credentials from Vault, not by hand',
          type: 'prevent',
          owner: 'group:sre-team',
          priority: 'P2',
          status: 'in-progress',
          dueDate: date(-7 * day),
        },
        {
          title: 'Add the archive check to the disk-full runbook',
          type: 'process',
          owner: 'amara.okafor',
          priority: 'P3',
          status: 'open',
          dueDate: date(2 * day),
          runbook: 'default/postgres-disk-full',
        },
      ],
    },
  };

  // 12 days ago: the object store was unreachable; exports failed.
  const p2 = 12 * day;
  const objectStore = {
    externalId: 'demo:object-store',
    title: 'Report exports fail: object store unreachable',
    severity: 'P2',
    status: 'resolved',
    entityRefs: ['resource:insights-object-store', 'component:insights-worker'],
    runbooks: ['default/object-storage-unreachable'],
    milestones: {
      started: at(p2),
      detected: at(p2 - 6),
      acknowledged: at(p2 - 14),
      mitigated: at(p2 - 95),
      resolved: at(p2 - 130),
    },
    roles: [{ role: 'commander', user: 'priya.raman', assumedAt: at(p2 - 14) }],
    statusUpdates: [
      {
        at: at(p2 - 30),
        by: 'priya.raman',
        conditions: 'Exports and uploads fail; checks keep running.',
        actions:
          'A SeaweedFS volume server is down; restarting it on another node.',
      },
    ],
    timeline: [
      {
        at: at(p2 - 6),
        actor: 'alertmanager',
        type: 'alert-fired',
        summary: 'SeaweedFS volume server down fired',
      },
      {
        at: at(p2 - 60),
        actor: 'user:default/priya.raman',
        summary: 'The node ran out of inodes; volume server moved',
        pinned: true,
      },
    ],
    postmortem: {
      title: 'Report exports fail: object store unreachable',
      status: 'draft',
      authors: ['priya.raman'],
      severity: 'P2',
      entityRefs: ['resource:insights-object-store'],
      milestones: {
        started: at(p2),
        detected: at(p2 - 6),
        resolved: at(p2 - 130),
      },
      summary:
        'Exports failed for 95 minutes while a SeaweedFS volume server was down.',
    },
  };

  // 5 days ago: a Redis restart signed everyone out once — minor, no postmortem needed.
  const p3 = 5 * day;
  const redis = {
    externalId: 'demo:redis-restart',
    title: 'Slow pages after the Redis restart',
    severity: 'P3',
    status: 'resolved',
    entityRefs: ['resource:insights-redis', 'component:insights-web'],
    runbooks: ['default/redis-cache-down'],
    milestones: {
      started: at(p3),
      acknowledged: at(p3 - 8),
      mitigated: at(p3 - 25),
      resolved: at(p3 - 31),
    },
    roles: [{ role: 'commander', user: 'mateo.garcia', assumedAt: at(p3 - 8) }],
    // The memory alert fired twice while the cache refilled: it paged for
    // nothing, as the commander noted.
    alerts: [0, 1].map(i =>
      judgedAlert(
        `7ed15e0000a${i + 1}`,
        {
          alertname: 'RedisMemoryHigh',
          resource: 'insights-redis',
          severity: 'warning',
        },
        [p3 - 2 - 3 * i, p3 - 22],
        'noise',
      ),
    ),
    timeline: [
      {
        at: at(p3 - 20),
        actor: 'user:default/mateo.garcia',
        summary: 'Cache refilled; page times back to normal',
      },
    ],
  };

  // 2 days ago: the worker backlog — its postmortem is still due.
  const p4 = 2 * day;
  const worker = {
    externalId: 'demo:worker-backlog',
    title: 'Scheduled checks late: worker backlog',
    severity: 'P2',
    status: 'resolved',
    entityRefs: ['component:insights-worker'],
    runbooks: ['default/worker-offline'],
    milestones: {
      started: at(p4),
      detected: at(p4 - 10),
      acknowledged: at(p4 - 18),
      mitigated: at(p4 - 70),
      resolved: at(p4 - 90),
    },
    roles: [
      { role: 'commander', user: 'jonas.lindqvist', assumedAt: at(p4 - 18) },
    ],
    // The backlog alert led here; the agents' offline alert fired for the
    // same cause a minute later.
    alerts: [
      judgedAlert(
        '0b1a9c0000b1',
        {
          alertname: 'InsightsTaskQueueBacklog',
          service: 'insights-worker',
          severity: 'warning',
        },
        [p4 - 10, p4 - 70],
        'actionable',
      ),
      judgedAlert(
        '0b1a9c0000b2',
        {
          alertname: 'InsightsWorkerOffline',
          service: 'insights-worker',
          severity: 'critical',
        },
        [p4 - 11, p4 - 60],
        'duplicate',
      ),
    ],
    statusUpdates: [
      {
        at: at(p4 - 40),
        by: 'jonas.lindqvist',
        conditions: '9,000 checks queued; results up to an hour late.',
        actions: 'Scaled the workers from 4 to 12.',
      },
    ],
    timeline: [
      {
        at: at(p4 - 10),
        actor: 'alertmanager',
        type: 'alert-fired',
        summary: 'InsightsTaskQueueBacklog fired',
      },
    ],
  };

  // Now: the API's 5xx rate is high; the guest leads it.
  const open = {
    externalId: 'demo:api-5xx',
    title: 'Insights API returns errors for some requests',
    severity: 'P2',
    status: 'open',
    summary: 'About 8% of API requests fail with 502 since the last deploy.',
    entityRefs: ['component:insights-api'],
    runbooks: ['default/api-not-responding'],
    milestones: { started: at(25), detected: at(22), acknowledged: at(18) },
    roles: [
      { role: 'commander', user: 'guest', assumedAt: at(18) },
      { role: 'scribe', user: 'priya.raman', assumedAt: at(15) },
    ],
    statusUpdates: [
      {
        at: at(12),
        by: 'guest',
        conditions: 'About 8% of requests fail with 502; the rest are normal.',
        actions: 'Comparing the failing pods with the previous release.',
        needs: 'The author of the last deploy.',
      },
    ],
    timeline: [
      {
        at: at(22),
        actor: 'alertmanager',
        type: 'alert-fired',
        summary: 'InsightsApiHigh5xxRate fired: 8% of requests fail',
      },
      {
        at: at(10),
        actor: 'user:default/priya.raman',
        summary: 'Only pods on the new node pool fail',
        pinned: true,
      },
    ],
    alerts: [
      {
        fingerprint: 'd30a5ee11f1d8c2e',
        status: 'firing',
        labels: {
          alertname: 'InsightsApiHigh5xxRate',
          namespace: 'insights',
          severity: 'warning',
        },
        annotations: { summary: 'More than 5% of API requests fail' },
        startsAt: at(22),
      },
    ],
    groupKey: '{}:{alertname="InsightsApiHigh5xxRate"}',
  };
  // Earlier, before the P1: the volume reached 90 % twice, and the same
  // runbook was followed. Its last check was of no help each time.
  const volumeWarning = (
    externalId: string,
    daysAgo: number,
    who: string,
    alerts: Array<{ fingerprint: string; pvc: string; verdict: string }>,
  ) => {
    const start = daysAgo * day;
    return {
      alerts: alerts.map(a =>
        judgedAlert(
          a.fingerprint,
          {
            alertname: 'PostgresVolumeAlmostFull',
            persistentvolumeclaim: a.pvc,
          },
          [start - 1, start - 35],
          a.verdict,
        ),
      ),
      externalId,
      title: 'PostgreSQL volume at 90 %',
      severity: 'P3',
      status: 'resolved',
      summary: 'The data volume passed 90 %; it was grown before it filled up.',
      entityRefs: ['resource:insights-postgres'],
      runbooks: ['default/postgres-disk-full'],
      milestones: {
        started: at(start),
        detected: at(start - 2),
        acknowledged: at(start - 6),
        mitigated: at(start - 35),
        resolved: at(start - 50),
      },
      roles: [{ role: 'commander', user: who, assumedAt: at(start - 6) }],
      timeline: [
        {
          at: at(start - 2),
          actor: 'alertmanager',
          type: 'alert-fired',
          summary: 'PostgresVolumeAlmostFull fired: 9% left',
        },
      ],
      checklist: [
        {
          runbook: 'default/postgres-disk-full',
          step: 'diagnosis[0]',
          by: who,
          at: at(start - 8),
        },
        {
          runbook: 'default/postgres-disk-full',
          step: 'immediateActions[1]',
          by: who,
          at: at(start - 20),
        },
        {
          runbook: 'default/postgres-disk-full',
          step: 'recovery[2]',
          outcome: 'skipped',
          note: 'the data had not grown',
          by: who,
          at: at(start - 30),
        },
        {
          runbook: 'default/postgres-disk-full',
          step: 'recovery[4]',
          outcome: 'unhelpful',
          note: 'the alert kept firing for 10 minutes after the resize',
          by: who,
          at: at(start - 45),
        },
      ],
    };
  };
  return [
    postgres,
    objectStore,
    redis,
    worker,
    open,
    volumeWarning('demo:postgres-volume-90-1', 58, 'jonas.lindqvist', [
      {
        fingerprint: 'e1a0c0de0001',
        pvc: 'data-insights-postgres-primary-0',
        verdict: 'actionable',
      },
    ]),
    // The replica's volume alert fired with the primary's: the same cause.
    volumeWarning('demo:postgres-volume-90-2', 41, 'amara.okafor', [
      {
        fingerprint: 'e1a0c0de0002',
        pvc: 'data-insights-postgres-primary-0',
        verdict: 'actionable',
      },
      {
        fingerprint: 'e1a0c0de0003',
        pvc: 'data-insights-postgres-read-0',
        verdict: 'duplicate',
      },
    ]),
  ];
}

/** Imports the demo's incidents once the runbooks they name are indexed. */
export default createBackendModule({
  pluginId: 'reliability',
  moduleId: 'demo-incidents',
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
          id: 'reliability-demo-incidents',
          scope: 'local',
          frequency: { hours: 24 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 15 },
          fn: async () => {
            const baseUrl = await discovery.getBaseUrl('reliability');
            const { token } = await auth.getPluginRequestToken({
              onBehalfOf: await auth.getOwnServiceCredentials(),
              targetPluginId: 'reliability',
            });
            const headers = {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/json',
            };
            // The records name runbooks: wait for the index to have them.
            for (let i = 0; i < 30; i++) {
              const runbook = await fetch(
                `${baseUrl}/runbooks/default/api-not-responding`,
                { headers },
              );
              if (runbook.ok) break;
              await new Promise(r => setTimeout(r, 2000));
            }
            for (const record of demoIncidents(new Date())) {
              const response = await fetch(`${baseUrl}/incidents/import`, {
                method: 'POST',
                headers,
                body: JSON.stringify(record),
              });
              if (!response.ok) {
                logger.warn(
                  `Demo incident not imported: ${await response.text()}`,
                );
              }
            }
            // The week's alert digest, now that there are incidents to tell
            // of (when configured; it is sent once per team and week).
            await scheduler
              .triggerTask('reliability-alert-digest')
              .catch(error =>
                logger.info(`Alert digest not triggered: ${error.message}`),
              );
          },
        });
      },
    });
  },
});
