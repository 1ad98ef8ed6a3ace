import { TestDatabases } from '@backstage/backend-test-utils';
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

    it('notifies the owner of a component that becomes violated, once per change', async () => {
      const backend = await startRecoveryBackend(databases, databaseId);
      const transitions = async () =>
        (await backend.get('/recovery-plans/default/insights-data/history'))
          .body.components[0].transitions;
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
      await backend.runTask(
        TASK,
        async () => (await transitions()).length >= 1,
      );
      expect(await transitions()).toEqual([
        expect.objectContaining({
          to: 'violated',
          reasons: [
            'the last good backup is 1d 6h old, older than the RPO of 1d',
          ],
          notified: true,
        }),
      ]);
      expect(backend.sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['resource:default/insights-postgres'],
          },
          payload: expect.objectContaining({
            title: 'postgres (insights-data) violates its recovery objectives',
            description:
              'the last good backup is 1d 6h old, older than the RPO of 1d',
            link: '/catalog/default/resource/insights-postgres/reliability',
            severity: 'high',
            topic: 'reliability:recovery',
          }),
        },
      ]);

      // Evaluated again without a change: no second notification.
      await backend.runTask(TASK, async () => true);
      await new Promise(r => setTimeout(r, 1500));
      expect(backend.sent).toHaveLength(1);

      // A fresh backup: ok again, recorded, nobody paged for good news.
      await backend.postEvents([backup('fresh', 1)]);
      await backend.runTask(
        TASK,
        async () => (await transitions()).length >= 2,
      );
      expect((await transitions())[0]).toMatchObject({
        from: 'violated',
        to: 'ok',
      });
      expect(backend.sent).toHaveLength(1);
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
