import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  hoursAgo,
  startRecoveryBackend,
  testBackup as backup,
} from '../__testUtils__/recoveryBackend';

const databases = TestDatabases.create();
const TASK = 'reliability-recovery-evaluation';

describe.each(databases.eachSupportedId())(
  'recovery evaluation on %s',
  databaseId => {
    it("records each component's first state, and keeps a bounded history", async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        config: {
          reliability: { backups: { history: { maxEventsPerComponent: 3 } } },
        },
      });
      const history = async () =>
        (await backend.get('/recovery-plans/default/insights-data/history'))
          .body.components[0];
      await backend.postEvents([backup('fresh', 2)]);
      await backend.runTask(
        TASK,
        async () => (await history()).transitions.length >= 1,
      );
      // No drill reported yet: unknown, which nobody is paged for.
      expect((await history()).transitions).toEqual([
        expect.objectContaining({ to: 'unknown', notified: false }),
      ]);
      expect(backend.sent).toEqual([]);

      // Older reports arriving late: the history keeps the three newest.
      await backend.postEvents([
        backup('old-1', 40),
        backup('old-2', 50),
        backup('old-3', 60),
      ]);
      await backend.runTask(
        TASK,
        async () => (await history()).events.length === 3,
      );
      expect((await history()).events.map((e: any) => e.id)).toEqual([
        'fresh',
        'old-1',
        'old-2',
      ]);
      expect(backend.sent).toEqual([]);
    });

    it('opens a violation when a component breaks its plan, notifies its owners once, reminds until acknowledged, and resolves it when the state recovers', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        config: {
          reliability: {
            recovery: { violations: { remindEvery: { seconds: 1 } } },
          },
        },
      });
      const owner = mockCredentials.user.header('user:default/alice');
      const history = async () =>
        (await backend.get('/recovery-plans/default/insights-data/history'))
          .body.components[0];
      const open = async () =>
        (await backend.get('/recovery/violations', owner)).body;
      await backend.postEvents([
        backup('old', 30),
        {
          id: 'drill',
          type: 'drill',
          entityRef: 'resource:insights-postgres',
          startedAt: hoursAgo(20),
          finishedAt: hoursAgo(19.8),
          result: 'success',
          restoreSeconds: 600,
          dataVerified: true,
        },
      ]);
      await backend.runTask(TASK, async () => (await open()).totalCount >= 1);
      const detail =
        'the last good backup is 1d 6h old, older than the RPO of 1d';
      const [violation] = (await open()).items;
      expect(violation).toMatchObject({
        plan: {
          namespace: 'default',
          name: 'insights-data',
          title: 'insights-data',
        },
        component: 'postgres',
        entityRef: 'resource:default/insights-postgres',
        type: 'rpo-breach',
        detail,
        openedAt: expect.any(String),
        notifiedAt: expect.any(String),
        reminders: 0,
      });
      expect(violation.resolvedAt).toBeUndefined();
      expect((await history()).transitions).toEqual([
        expect.objectContaining({
          to: 'violated',
          reasons: [detail],
          notified: true,
        }),
      ]);
      const opened = {
        recipients: {
          type: 'entity',
          entityRef: ['resource:default/insights-postgres'],
        },
        payload: expect.objectContaining({
          title: 'RPO breach: postgres (insights-data)',
          description: detail,
          link: '/catalog/default/resource/insights-postgres/reliability',
          severity: 'high',
          topic: 'reliability:recovery',
          scope: `reliability:recovery-violation:${violation.id}`,
        }),
      };
      expect(backend.sent).toEqual([opened]);

      // Still open a second later, and nobody acknowledged it: a reminder,
      // on the same notification (its scope), not another violation.
      await new Promise(r => setTimeout(r, 1100));
      await backend.runTask(TASK, async () => backend.sent.length >= 2);
      expect(backend.sent).toHaveLength(2);
      expect(backend.sent[1].payload).toMatchObject({
        title:
          'Still open, not acknowledged — RPO breach: postgres (insights-data)',
        scope: `reliability:recovery-violation:${violation.id}`,
      });
      expect((await open()).items).toEqual([
        expect.objectContaining({ id: violation.id, reminders: 1 }),
      ]);

      // Acknowledged by a person, with why and until when: no more reminders.
      const until = new Date(Date.now() + 7 * 86400_000).toISOString();
      const ack = await backend.post(
        `/recovery/violations/${violation.id}/acknowledge`,
        {
          reason: 'The bucket is being migrated; backups resume Monday',
          until,
        },
        owner,
      );
      expect(ack.status).toBe(200);
      expect(ack.body.acknowledgement).toEqual({
        by: 'user:default/alice',
        reason: 'The bucket is being migrated; backups resume Monday',
        at: expect.any(String),
        until,
      });
      // A machine token does not acknowledge.
      expect(
        (
          await backend.post(
            `/recovery/violations/${violation.id}/acknowledge`,
            { reason: 'x' },
          )
        ).status,
      ).toBe(403);
      await new Promise(r => setTimeout(r, 1100));
      await backend.runTask(TASK, async () => true);
      await new Promise(r => setTimeout(r, 1000));
      expect(backend.sent).toHaveLength(2);

      // A fresh backup: the violation is resolved, kept in the history.
      await backend.postEvents([backup('fresh', 1)]);
      await backend.runTask(TASK, async () => (await open()).totalCount === 0);
      expect((await open()).items).toEqual([]);
      const [resolved] = (await history()).violations;
      expect(resolved).toMatchObject({
        id: violation.id,
        resolvedAt: expect.any(String),
        acknowledgement: { by: 'user:default/alice' },
      });
      const closed = await backend.get(
        '/recovery/violations?state=resolved',
        owner,
      );
      expect(closed.body.items.map((v: any) => v.id)).toEqual([violation.id]);
      // Nobody paged for good news; one notification in all, and a reminder.
      expect(backend.sent).toHaveLength(2);
      // Resolved: nothing left to acknowledge.
      expect(
        (
          await backend.post(
            `/recovery/violations/${violation.id}/acknowledge`,
            { reason: 'late' },
            owner,
          )
        ).status,
      ).toBe(409);
    });

    it('offers each covered entity its facts for scorecards, without the catalog', async () => {
      const backend = await startRecoveryBackend(databases, databaseId);
      await backend.postEvents([backup('old', 30)]);
      const facts = await backend.get('/facts/recovery');
      expect(facts.status).toBe(200);
      expect(facts.body.items).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/insights-api',
          state: 'violated',
          plans: ['default/insights-data'],
          components: expect.objectContaining({ violated: 1, 'not-needed': 1 }),
          maxBackupAgeSeconds: expect.any(Number),
        }),
        expect.objectContaining({
          entityRef: 'resource:default/insights-postgres',
          state: 'violated',
          components: expect.objectContaining({ violated: 1, 'not-needed': 0 }),
          reasons: [
            'postgres: the last good backup is 1d 6h old, older than the RPO of 1d',
            'postgres: no restore drill reported yet',
          ],
        }),
      ]);
      const one = await backend.get(
        '/facts/recovery?entityRef=resource:insights-postgres',
      );
      expect(one.body.items.map((i: any) => i.entityRef)).toEqual([
        'resource:default/insights-postgres',
      ]);
      expect((await backend.get('/facts/recovery?entityRef=nope')).status).toBe(
        400,
      );
    });
  },
);
