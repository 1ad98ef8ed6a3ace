// @ts-check

/**
 * Incidents: the record, the entities it affects, its alerts (by
 * fingerprint), attached runbooks, roles with hand-over times, the timeline,
 * checklist ticks, status updates, and the Alertmanager group each open
 * incident answers (one row per group: two deliveries of the same
 * notification open one incident).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_incidents', table => {
    table.comment('Incidents, declared by people or opened by alerts');
    table.string('id', 36).primary();
    table.integer('number').notNullable().unique();
    table.string('title', 300).notNullable();
    table.text('summary').nullable();
    table.string('status', 16).notNullable();
    table.string('severity', 64).notNullable();
    table.text('entity_refs').notNullable();
    table.text('links').notNullable();
    table.text('linked_owners').notNullable();
    table.string('group_key', 2000).nullable();
    table.string('postmortem_id', 36).nullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('detected_at', { useTz: true }).nullable();
    table.timestamp('acknowledged_at', { useTz: true }).nullable();
    table.timestamp('mitigated_at', { useTz: true }).nullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.timestamp('last_status_update_at', { useTz: true }).nullable();
    table.timestamp('reminded_at', { useTz: true }).nullable();
    table.timestamp('postmortem_reminded_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.integer('version').notNullable();
    table.index(['status', 'started_at']);
  });
  await knex.schema.createTable('reliability_incident_entities', table => {
    table.comment('The entities each incident affects, for lookups');
    table.string('incident_id', 36).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.primary(['incident_id', 'entity_ref']);
    table.index(['entity_ref']);
  });
  await knex.schema.createTable('reliability_incident_groups', table => {
    table.comment('The open incident of each Alertmanager group');
    // A hash of the group key: keys can be long, primary keys cannot.
    table.string('group_hash', 64).primary();
    table.string('incident_id', 36).notNullable();
  });
  await knex.schema.createTable('reliability_incident_alerts', table => {
    table.comment('The alerts each incident holds, by fingerprint');
    table.string('incident_id', 36).notNullable();
    table.string('fingerprint', 64).notNullable();
    table.string('alert_name', 200).notNullable();
    table.string('status', 16).notNullable();
    table.text('labels').notNullable();
    table.text('annotations').notNullable();
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('ends_at', { useTz: true }).nullable();
    table.string('generator_url', 2000).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['incident_id', 'fingerprint']);
    table.index(['fingerprint']);
  });
  await knex.schema.createTable('reliability_incident_runbooks', table => {
    table.comment('Runbooks attached to incidents');
    table.string('incident_id', 36).notNullable();
    table.string('namespace', 63).notNullable();
    table.string('name', 63).notNullable();
    table.string('title', 300).nullable();
    table.string('attached_by', 255).notNullable();
    table.timestamp('attached_at', { useTz: true }).notNullable();
    table.primary(['incident_id', 'namespace', 'name']);
  });
  await knex.schema.createTable('reliability_incident_roles', table => {
    table.comment('Who held which role of an incident, from when to when');
    table.increments('id');
    table.string('incident_id', 36).notNullable();
    table.string('role', 64).notNullable();
    table.string('user_ref', 255).notNullable();
    table.timestamp('assumed_at', { useTz: true }).notNullable();
    table.timestamp('handed_over_at', { useTz: true }).nullable();
    table.string('assigned_by', 255).notNullable();
    table.index(['incident_id']);
  });
  await knex.schema.createTable('reliability_incident_events', table => {
    table.comment('The timeline of each incident');
    table.increments('id');
    table.string('incident_id', 36).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('type', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.string('source', 16).notNullable();
    table.text('summary').notNullable();
    table.text('data').nullable();
    table.boolean('pinned').notNullable().defaultTo(false);
    table.index(['incident_id', 'at']);
  });
  await knex.schema.createTable('reliability_incident_ticks', table => {
    table.comment('Runbook steps ticked on an incident');
    table.string('incident_id', 36).notNullable();
    table.string('runbook', 127).notNullable();
    table.string('step', 64).notNullable();
    table.boolean('done').notNullable();
    table.string('by', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.primary(['incident_id', 'runbook', 'step']);
  });
  await knex.schema.createTable(
    'reliability_incident_status_updates',
    table => {
      table.comment('Tactical status updates of incidents');
      table.increments('id');
      table.string('incident_id', 36).notNullable();
      table.text('conditions').notNullable();
      table.text('actions').notNullable();
      table.text('needs').nullable();
      table.string('by', 255).notNullable();
      table.timestamp('at', { useTz: true }).notNullable();
      table.index(['incident_id']);
    },
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const t of [
    'reliability_incident_status_updates',
    'reliability_incident_ticks',
    'reliability_incident_events',
    'reliability_incident_roles',
    'reliability_incident_runbooks',
    'reliability_incident_alerts',
    'reliability_incident_groups',
    'reliability_incident_entities',
    'reliability_incidents',
  ]) {
    await knex.schema.dropTable(t);
  }
};
