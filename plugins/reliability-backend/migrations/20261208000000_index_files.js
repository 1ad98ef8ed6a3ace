// @ts-check

/**
 * What each location's last read found, file by file: the Git blob id (or a
 * digest of the bytes) of every runbook file, so that the next pass reads
 * and replaces only the files that changed. `read_signature` says how the
 * location was read: a location indexed by another format (or before files
 * were remembered) is read whole once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_index_files', table => {
    table.string('location_id', 255).notNullable();
    table.text('file').notNullable();
    table.string('hash', 64).notNullable();
    table.primary(['location_id', 'file']);
  });
  await knex.schema.alterTable('reliability_runbook_locations', table => {
    table.string('read_signature', 64).nullable();
  });
  // A read of some files replaces the rows of those files.
  await knex.schema.alterTable('reliability_runbooks', table => {
    table.index(['location_id', 'source_url'], 'reliability_runbooks_file_idx');
  });
  await knex.schema.alterTable('reliability_recovery_plans', table => {
    table.index(
      ['location_id', 'source_url'],
      'reliability_recovery_plans_file_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_recovery_plans', table => {
    table.dropIndex(
      ['location_id', 'source_url'],
      'reliability_recovery_plans_file_idx',
    );
  });
  await knex.schema.alterTable('reliability_runbooks', table => {
    table.dropIndex(
      ['location_id', 'source_url'],
      'reliability_runbooks_file_idx',
    );
  });
  await knex.schema.alterTable('reliability_runbook_locations', table => {
    table.dropColumn('read_signature');
  });
  await knex.schema.dropTable('reliability_index_files');
};
