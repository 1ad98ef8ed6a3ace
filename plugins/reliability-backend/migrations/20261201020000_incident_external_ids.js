// @ts-check

/**
 * Incidents imported from another tool keep the id they had there, once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_incidents', table => {
    table.string('external_id', 200).nullable().unique();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_incidents', table => {
    table.dropUnique(['external_id']);
    table.dropColumn('external_id');
  });
};
