// @ts-check

/**
 * Recovery plans (`kind: RecoveryPlan`), indexed from the same locations as
 * runbooks: the last good copy of each, and the entities it covers (the
 * plan's entityRefs and its components' entities).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_recovery_plans', table => {
    table.comment('Recovery plans; document holds the normalised YAML as JSON');
    table.string('namespace', 63).notNullable();
    table.string('name', 63).notNullable();
    table.primary(['namespace', 'name']);
    table.string('location_id', 255).notNullable().index();
    table.string('title', 300).notNullable();
    table.text('source_url').notNullable();
    table.integer('source_line').notNullable();
    table.string('revision', 128).nullable();
    table.timestamp('synced_at', { useTz: true }).notNullable();
    table.boolean('stale').notNullable().defaultTo(false);
    table.text('document').notNullable();
  });
  await knex.schema.createTable('reliability_recovery_plan_entities', table => {
    table.string('namespace', 63).notNullable();
    table.string('name', 63).notNullable();
    table.string('entity_ref', 255).notNullable().index();
    table.primary(['namespace', 'name', 'entity_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_recovery_plan_entities');
  await knex.schema.dropTable('reliability_recovery_plans');
};
