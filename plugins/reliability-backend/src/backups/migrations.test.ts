import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY as directory } from '../database/database';

const databases = TestDatabases.create();
const TABLE = 'reliability_backup_events';
const MIGRATION = '20261203000000_backup_event_scope.js';

describe.each(databases.eachSupportedId())(
  'the backup event scope migration on %s',
  id => {
    it('keeps the stored events, each with its reporter as its source, and goes back', async () => {
      const knex = await databases.init(id);
      // Up to the release before: every migration before this one.
      const [, pending] = await knex.migrate.list({ directory });
      const before = pending.findIndex((m: { file: string }) =>
        m.file.includes(MIGRATION),
      );
      expect(before).toBeGreaterThan(0);
      for (let i = 0; i < before; i++) {
        await knex.migrate.up({ directory });
      }
      const at = new Date('2026-11-30T02:00:00Z');
      const row = (eventId: string, entityRef: string) => ({
        id: eventId,
        type: 'backup',
        entity_ref: entityRef,
        plan_namespace: 'default',
        plan_name: 'insights-platform',
        component: 'vault',
        job: 'raft-snapshot',
        started_at: at,
        finished_at: at,
        result: 'success',
        size_bytes: 48_000_000,
        received_at: at,
        reported_by: 'backup-reporter',
      });
      await knex(TABLE).insert(
        row('vault-snapshot-1', 'resource:default/insights-vault'),
      );

      await knex.migrate.up({ directory, name: MIGRATION });
      expect(
        await knex(TABLE).select('id', 'source', 'entity_ref', 'result'),
      ).toEqual([
        {
          id: 'vault-snapshot-1',
          source: 'backup-reporter',
          entity_ref: 'resource:default/insights-vault',
          result: 'success',
        },
      ]);
      // The same id for another entity, and from another source: now apart.
      await knex(TABLE).insert([
        {
          ...row('vault-snapshot-1', 'resource:default/other'),
          source: 'backup-reporter',
        },
        {
          ...row('vault-snapshot-1', 'resource:default/insights-vault'),
          source: 'sre-backup-reporter',
        },
      ]);
      // The key holds: the same (entity, source, id) again is not a row.
      await knex(TABLE)
        .insert({
          ...row('vault-snapshot-1', 'resource:default/insights-vault'),
          source: 'backup-reporter',
        })
        .onConflict(['entity_ref', 'source', 'id'])
        .ignore();
      const [{ n }] = await knex(TABLE).count({ n: '*' });
      expect(Number(n)).toBe(3);

      // Back: one row per id, the first received.
      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await knex(TABLE).select('id', 'entity_ref')).toEqual([
        {
          id: 'vault-snapshot-1',
          entity_ref: 'resource:default/insights-vault',
        },
      ]);
      await knex.destroy();
    });
  },
);
