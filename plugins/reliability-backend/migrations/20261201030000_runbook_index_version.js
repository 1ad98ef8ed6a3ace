// @ts-check

/**
 * A counter every change of the runbook index raises, in the transaction of
 * the change: each backend instance keeps the index's hot reads in memory
 * and checks this one row to know when they are out of date.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_runbook_index_version', table => {
    table.integer('id').primary();
    table.bigInteger('version').notNullable().defaultTo(0);
  });
  await knex('reliability_runbook_index_version').insert({ id: 1, version: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_runbook_index_version');
};
