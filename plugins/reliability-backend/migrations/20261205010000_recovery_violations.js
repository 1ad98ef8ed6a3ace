// @ts-check

/**
 * Violations of recovery plans as records: one row per breach of one
 * component (an RPO breach, a failed backup, a stale drill, …) from when the
 * evaluation first found it to when it recovered, with who acknowledged it,
 * why and until when, and when its owners were notified and reminded.
 * `open_key` is set while it is open and unique, so two backend instances
 * evaluating at once open it once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_recovery_violations', table => {
    table.increments('id');
    table.string('plan_namespace', 63).notNullable();
    table.string('plan_name', 63).notNullable();
    table.string('component', 63).notNullable();
    table.string('type', 40).notNullable();
    table.string('entity_ref', 255).nullable();
    table.text('detail').notNullable();
    table.string('open_key', 255).nullable().unique();
    table.timestamp('opened_at', { useTz: true }).notNullable();
    table.timestamp('seen_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.string('acked_by', 255).nullable();
    table.text('ack_reason').nullable();
    table.timestamp('acked_at', { useTz: true }).nullable();
    table.timestamp('acked_until', { useTz: true }).nullable();
    table.timestamp('notified_at', { useTz: true }).nullable();
    table.timestamp('reminded_at', { useTz: true }).nullable();
    table.integer('reminders').notNullable().defaultTo(0);
    table.index(
      ['plan_namespace', 'plan_name', 'component'],
      'reliability_violations_component_idx',
    );
    table.index(
      ['resolved_at', 'opened_at'],
      'reliability_violations_open_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_recovery_violations');
};
