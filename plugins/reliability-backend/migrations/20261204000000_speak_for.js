// @ts-check

/**
 * A runbook location may speak only for the entities it may name: a problem
 * of a document naming another owner's entity names that entity, so that it
 * shows on that entity's page too; and each location keeps the verdicts its
 * last read was judged by, so that a change in the catalog (an owner, a
 * `reliability.io/runbooks-from` annotation) re-reads it although its files
 * did not change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_index_problems', table => {
    table.string('entity_ref', 255).nullable();
    table.index(['entity_ref'], 'reliability_index_problems_entity_idx');
  });
  await knex.schema.alterTable('reliability_runbook_locations', table => {
    table.text('verdicts').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_index_problems', table => {
    table.dropIndex(['entity_ref'], 'reliability_index_problems_entity_idx');
    table.dropColumn('entity_ref');
  });
  await knex.schema.alterTable('reliability_runbook_locations', table => {
    table.dropColumn('verdicts');
  });
};
