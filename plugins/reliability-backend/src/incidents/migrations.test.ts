import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { MIGRATIONS_DIRECTORY as directory } from '../database/database';

// The incident foreign keys, on each database: the records of an incident
// are kept through the migration (a row naming no incident is dropped),
// each child table declares its key with its cascade, and down takes the
// keys away again with the records kept.

const databases = TestDatabases.create();
const MIGRATION = '20261207000000_incident_foreign_keys.js';
const ID = '6f1f6c8e-2b7a-4c1e-9a43-0d5b8e7c1a01';
const GHOST = '00000000-0000-4000-8000-000000000000';
const at = new Date('2026-12-07T10:00:00Z');

const children = (incidentId: string) => ({
  reliability_incident_entities: {
    incident_id: incidentId,
    entity_ref: 'component:default/shop',
  },
  reliability_incident_alerts: {
    incident_id: incidentId,
    fingerprint: 'f1',
    alert_name: 'PostgresDown',
    status: 'firing',
    labels: '{}',
    annotations: '{}',
    starts_at: at,
    updated_at: at,
  },
  reliability_incident_runbooks: {
    incident_id: incidentId,
    namespace: 'default',
    name: 'postgres-down',
    attached_by: 'alert',
    attached_at: at,
  },
  reliability_incident_roles: {
    incident_id: incidentId,
    role: 'commander',
    user_ref: 'user:default/alice',
    assumed_at: at,
    assigned_by: 'user:default/alice',
  },
  reliability_incident_events: {
    incident_id: incidentId,
    at,
    type: 'note',
    actor: 'user:default/alice',
    source: 'portal',
    summary: 'Failing over',
    pinned: false,
  },
  reliability_incident_ticks: {
    incident_id: incidentId,
    runbook: 'default/postgres-down',
    step: 'steps[0]',
    done: true,
    by: 'user:default/alice',
    at,
  },
  reliability_incident_status_updates: {
    incident_id: incidentId,
    conditions: 'Primary down',
    actions: 'Failing over',
    by: 'user:default/alice',
    at,
  },
});
const TABLES = Object.keys(children(ID)) as Array<
  keyof ReturnType<typeof children>
>;

async function countsOf(knex: Knex, incidentId: string) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ n }] = await knex(table)
      .where({ incident_id: incidentId })
      .count({ n: '*' });
    counts[table] = Number(n);
  }
  return counts;
}
/** The foreign keys a table declares, as the database's catalog lists them. */
async function foreignKeysOf(knex: Knex, table: string) {
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw(
      `select kcu.column_name as col, ccu.table_name as ref, rc.delete_rule as on_delete
         from information_schema.referential_constraints rc
         join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name
         join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.constraint_name
        where kcu.table_name = ?`,
      [table],
    );
    return rows.map((r: any) => ({
      col: r.col,
      ref: r.ref,
      onDelete: r.on_delete,
    }));
  }
  const rows = await knex.raw(`PRAGMA foreign_key_list(${table})`);
  return rows.map((r: any) => ({
    col: r.from,
    ref: r.table,
    onDelete: r.on_delete,
  }));
}

/** The incident `ID`, and one row of each of its records. */
async function insertIncidentWithRecords(knex: Knex) {
  await knex('reliability_incidents').insert({
    id: ID,
    number: 1,
    title: 'Checkout fails',
    status: 'open',
    severity: 'P1',
    entity_refs: '["component:default/shop"]',
    links: '[]',
    linked_owners: '[]',
    started_at: at,
    created_at: at,
    created_by: 'user:default/alice',
    updated_at: at,
    version: 1,
  });
  for (const [table, row] of Object.entries(children(ID))) {
    await knex(table).insert(row);
  }
}

const all = (n: number) => Object.fromEntries(TABLES.map(t => [t, n]));

describe.each(databases.eachSupportedId())(
  'the incident foreign keys migration on %s',
  id => {
    it('keeps each incident with its records, drops orphans, declares each key with its cascade, and goes back', async () => {
      const knex = await databases.init(id);
      const [, pending] = await knex.migrate.list({ directory });
      const before = pending.findIndex((m: { file: string }) =>
        m.file.includes(MIGRATION),
      );
      expect(before).toBeGreaterThan(0);
      for (let i = 0; i < before; i++) await knex.migrate.up({ directory });

      await insertIncidentWithRecords(knex);
      // A row a hand edit left behind, naming no incident.
      await knex('reliability_incident_events').insert(
        children(GHOST).reliability_incident_events,
      );

      await knex.migrate.up({ directory, name: MIGRATION });
      expect(await countsOf(knex, ID)).toEqual(all(1));
      expect(await countsOf(knex, GHOST)).toEqual(all(0));
      expect((await knex('reliability_incident_events').first())?.summary).toBe(
        'Failing over',
      );

      for (const table of TABLES) {
        expect(await foreignKeysOf(knex, table)).toEqual([
          {
            col: 'incident_id',
            ref: 'reliability_incidents',
            onDelete: 'CASCADE',
          },
        ]);
      }

      await knex.migrate.down({ directory, name: MIGRATION });
      for (const table of TABLES) {
        expect(await foreignKeysOf(knex, table)).toEqual([]);
      }
      // Back: the records are still there.
      expect(await countsOf(knex, ID)).toEqual(all(1));
    });
  },
);

// Enforcement, where every connection enforces keys: PostgreSQL (SQLite
// enforces them per connection, as Backstage's connections turn on).
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));
(postgres.length
  ? describe.each(postgres)
  : describe.skip.each(databases.eachSupportedId()))(
  'the incident foreign keys on %s',
  id => {
    it('refuse a record of no incident and go with their incident', async () => {
      const knex = await databases.init(id);
      await knex.migrate.latest({ directory });
      await insertIncidentWithRecords(knex);
      await expect(
        knex('reliability_incident_alerts').insert(
          children(GHOST).reliability_incident_alerts,
        ),
      ).rejects.toThrow(/foreign key/i);
      await knex('reliability_incidents').where({ id: ID }).delete();
      expect(await countsOf(knex, ID)).toEqual(all(0));
    });
  },
);
