import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { BackupEventStore } from './BackupEventStore';
import { DatabaseBackupEventStore } from './DatabaseBackupEventStore';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'DatabaseBackupEventStore on %s',
  id => {
    async function createStore(): Promise<BackupEventStore> {
      const knex = await databases.init(id);
      return DatabaseBackupEventStore.create({
        database: mockServices.database({ knex }),
      });
    }

    it("keeps each source's last pass; a failed pass keeps the last success and what it read", async () => {
      const store = await createStore();
      expect(await store.sourceStates([])).toEqual([]);
      expect(await store.sourceStates(['prometheus'])).toEqual([
        { id: 'prometheus', notes: [] },
      ]);

      const first = new Date('2026-12-07T10:00:00.000Z');
      await store.recordSourcePass('prometheus', {
        at: first,
        ok: true,
        events: 3,
        accepted: 2,
        error: '1 event(s) set aside: no recovery plan covers it',
        notes: Array.from({ length: 60 }, (_, i) => `note ${i}`),
      });
      const [afterSuccess] = await store.sourceStates(['prometheus']);
      expect(afterSuccess).toMatchObject({
        id: 'prometheus',
        lastRunAt: first.toISOString(),
        lastSuccessAt: first.toISOString(),
        lastEvents: 3,
        lastAccepted: 2,
        lastError: '1 event(s) set aside: no recovery plan covers it',
      });
      // At most 50 notes are kept.
      expect(afterSuccess.notes).toHaveLength(50);

      const second = new Date('2026-12-07T11:00:00.000Z');
      await store.recordSourcePass('prometheus', {
        at: second,
        ok: false,
        error: `connect ECONNREFUSED ${'x'.repeat(3000)}`,
      });
      const [afterFailure, other] = await store.sourceStates([
        'prometheus',
        'restic-host',
      ]);
      expect(afterFailure).toMatchObject({
        lastRunAt: second.toISOString(),
        lastSuccessAt: first.toISOString(),
        lastEvents: 3,
        lastAccepted: 2,
      });
      expect(afterFailure.lastError).toMatch(/^connect ECONNREFUSED x+$/);
      expect(afterFailure.lastError).toHaveLength(2000);
      expect(other).toEqual({ id: 'restic-host', notes: [] });

      // A success again clears the error.
      await store.recordSourcePass('prometheus', {
        at: new Date('2026-12-07T12:00:00.000Z'),
        ok: true,
        events: 0,
        accepted: 0,
        notes: [],
      });
      const [recovered] = await store.sourceStates(['prometheus']);
      expect(recovered.lastError).toBeUndefined();
      expect(recovered.lastSuccessAt).toBe('2026-12-07T12:00:00.000Z');
    });
  },
);
