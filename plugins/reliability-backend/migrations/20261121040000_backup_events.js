// @ts-check

/**
 * Backup runs and restore drills as tools report them, keyed by the
 * reporter's event id (a retry changes nothing), attached to a component of
 * a recovery plan.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_backup_events', table => {
    table.comment('Backup runs and restore drills, as reported');
    table.string('id', 200).primary();
    table.string('type', 16).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('plan_namespace', 63).notNullable();
    table.string('plan_name', 63).notNullable();
    table.string('component', 63).notNullable();
    table.string('job', 63).nullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.string('result', 16).notNullable();
    table.bigInteger('size_bytes').nullable();
    table.float('restore_seconds').nullable();
    table.boolean('data_verified').nullable();
    table.string('tool', 100).nullable();
    table.text('message').nullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.string('reported_by', 255).notNullable();
    table.index(['plan_namespace', 'plan_name', 'component', 'started_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_backup_events');
};
