// @ts-check

/**
 * The runbook index: where runbooks are read from, the last good copy of each
 * runbook, the entities and alerts it serves, and the problems found.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_runbook_locations', table => {
    table.comment('Where runbooks are read from, and how the last reads went');
    table.string('id', 255).primary();
    table.string('source', 16).notNullable().comment('entity or config');
    table.text('target').notNullable();
    table.string('entity_ref', 255).nullable().index();
    table.string('etag', 255).nullable();
    table.string('revision', 255).nullable();
    table.timestamp('last_attempt_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
  });

  await knex.schema.createTable('reliability_runbooks', table => {
    table.comment('The last good copy of each runbook');
    table.string('namespace', 63).notNullable();
    table.string('name', 63).notNullable();
    table.primary(['namespace', 'name']);
    table.string('location_id', 255).notNullable().index();
    table.string('title', 500).notNullable();
    table.string('severity', 64).nullable();
    table.text('source_url').notNullable();
    table.integer('source_line').notNullable();
    table.string('revision', 255).nullable();
    table.timestamp('synced_at', { useTz: true }).notNullable();
    table.boolean('stale').notNullable().defaultTo(false);
    table.text('document').notNullable().comment('The runbook, as JSON');
  });

  await knex.schema.createTable('reliability_runbook_entities', table => {
    table.string('namespace', 63).notNullable();
    table.string('name', 63).notNullable();
    table.string('entity_ref', 255).notNullable().index();
    table.primary(['namespace', 'name', 'entity_ref']);
  });

  await knex.schema.createTable('reliability_runbook_triggers', table => {
    table.increments('id');
    table.string('namespace', 63).notNullable();
    table.string('name', 63).notNullable();
    table.string('alert_name', 200).notNullable().index();
    table.text('labels').nullable().comment('Label matchers, as JSON');
    table.index(['namespace', 'name']);
  });

  await knex.schema.createTable('reliability_index_problems', table => {
    table.increments('id');
    table.string('location_id', 255).notNullable().index();
    table.string('severity', 16).notNullable();
    table.text('file').notNullable();
    table.integer('line').notNullable();
    table.integer('column').notNullable();
    table.text('message').notNullable();
    table.string('runbook', 63).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_index_problems');
  await knex.schema.dropTable('reliability_runbook_triggers');
  await knex.schema.dropTable('reliability_runbook_entities');
  await knex.schema.dropTable('reliability_runbooks');
  await knex.schema.dropTable('reliability_runbook_locations');
};
