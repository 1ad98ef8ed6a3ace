// @ts-check

/**
 * What the scheduled evaluation of recovery plans remembers: each
 * component's current state (to tell a change, and to notify once), the
 * changes themselves (bounded history, for trends), and the pull sources'
 * last passes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_recovery_states', table => {
    table.comment(
      'The state of each recovery plan component at the last evaluation',
    );
    table.string('plan_namespace', 63).notNullable();
    table.string('plan_name', 63).notNullable();
    table.string('component', 63).notNullable();
    table.string('state', 16).notNullable();
    table.text('reasons').notNullable();
    table.timestamp('since', { useTz: true }).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.primary(['plan_namespace', 'plan_name', 'component']);
  });
  await knex.schema.createTable('reliability_recovery_transitions', table => {
    table.comment('Changes of the recovery state of a component, newest kept');
    table.increments('id');
    table.string('plan_namespace', 63).notNullable();
    table.string('plan_name', 63).notNullable();
    table.string('component', 63).notNullable();
    table.string('from_state', 16).nullable();
    table.string('to_state', 16).notNullable();
    table.text('reasons').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.boolean('notified').notNullable().defaultTo(false);
    table.index(['plan_namespace', 'plan_name', 'component', 'at']);
  });
  await knex.schema.createTable('reliability_backup_sources', table => {
    table.comment('The last pass of each backup source');
    table.string('id', 200).primary();
    table.timestamp('last_run_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.integer('last_events').nullable();
    table.integer('last_accepted').nullable();
    table.text('last_notes').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_backup_sources');
  await knex.schema.dropTable('reliability_recovery_transitions');
  await knex.schema.dropTable('reliability_recovery_states');
};
