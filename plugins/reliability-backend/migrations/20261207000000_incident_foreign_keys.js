// @ts-check

/**
 * Foreign keys from each of an incident's child tables to the incident, with
 * cascades: an alert, a role, a timeline event, a tick, a status update, an
 * attached runbook or an affected entity cannot outlive its incident. Rows
 * that already name no incident (none are written by the plugin; only a
 * hand edit leaves them) are removed first, so that the keys can hold;
 * everything else is kept as it is. On SQLite the table is rebuilt with its
 * key (Backstage's SQLite connections turn `foreign_keys` on).
 *
 * The alert group's claim (`reliability_incident_groups`) has no key: it is
 * the lock two deliveries of one notification meet at, taken before the
 * incident it names is inserted, and is removed when that incident
 * resolves.
 */
const CHILDREN = [
  'reliability_incident_entities',
  'reliability_incident_alerts',
  'reliability_incident_runbooks',
  'reliability_incident_roles',
  'reliability_incident_events',
  'reliability_incident_ticks',
  'reliability_incident_status_updates',
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  for (const child of CHILDREN) {
    await knex(child)
      .whereNotIn('incident_id', knex('reliability_incidents').select('id'))
      .delete();
    await knex.schema.alterTable(child, table => {
      table
        .foreign('incident_id', `${child}_incident_fk`)
        .references('id')
        .inTable('reliability_incidents')
        .onDelete('CASCADE');
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const child of CHILDREN) {
    await knex.schema.alterTable(child, table => {
      table.dropForeign(['incident_id'], `${child}_incident_fk`);
    });
  }
};
