// @ts-check

/**
 * Postmortems: the record (JSON, with its version for optimistic
 * concurrency), the entities it concerns, its action items (queryable across
 * postmortems and per runbook), and an audit log of every change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_postmortems', table => {
    table.comment('Postmortems; body holds the content as JSON');
    table.string('id', 64).primary();
    table.integer('version').notNullable();
    table.string('title', 300).notNullable();
    table.string('status', 16).notNullable().index();
    table.string('severity', 64).nullable().index();
    table.string('owner', 255).nullable().index();
    table.timestamp('started_at', { useTz: true }).nullable().index();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('published_at', { useTz: true }).nullable();
    table
      .text('linked_owners')
      .notNullable()
      .comment('Owners of the linked entities, JSON, for permission rules');
    table.text('body').notNullable();
  });
  await knex.schema.createTable('reliability_postmortem_entities', table => {
    table.string('postmortem_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable().index();
    table.primary(['postmortem_id', 'entity_ref']);
  });
  await knex.schema.createTable(
    'reliability_postmortem_action_items',
    table => {
      table.string('postmortem_id', 64).notNullable();
      table.string('item_id', 40).notNullable();
      table.primary(['postmortem_id', 'item_id']);
      table.string('title', 500).notNullable();
      table.string('type', 16).notNullable();
      table.string('status', 16).notNullable().index();
      table.string('owner', 255).nullable();
      table.string('priority', 32).nullable();
      table.string('due_date', 10).nullable();
      table.text('tracker_url').nullable();
      table.string('runbook', 127).nullable().index();
    },
  );
  await knex.schema.createTable('reliability_postmortem_audit', table => {
    table.increments('id');
    table.string('postmortem_id', 64).notNullable().index();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 16).notNullable();
    table
      .text('fields')
      .notNullable()
      .comment('Changed top-level fields, JSON');
    table.integer('version').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_postmortem_audit');
  await knex.schema.dropTable('reliability_postmortem_action_items');
  await knex.schema.dropTable('reliability_postmortem_entities');
  await knex.schema.dropTable('reliability_postmortems');
};
