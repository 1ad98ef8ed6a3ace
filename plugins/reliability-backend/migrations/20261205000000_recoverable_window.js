// @ts-check

/**
 * What a backup report says beyond "it ran": how well it (or a drill) was
 * proved — a verification level — and the recoverable window it gives, the
 * latest point its copies restore to (a replica's lag) and the oldest one
 * its repository still holds (retention).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_backup_events', table => {
    table.string('verification', 20).nullable();
    table.timestamp('restorable_to', { useTz: true }).nullable();
    table.timestamp('restorable_from', { useTz: true }).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_backup_events', table => {
    table.dropColumn('verification');
    table.dropColumn('restorable_to');
    table.dropColumn('restorable_from');
  });
};
