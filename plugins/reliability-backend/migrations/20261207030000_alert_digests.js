// @ts-check

/**
 * The weekly alert digests sent: one row per owner and week, so that each
 * owner is told once a week however many backend instances run the task and
 * however often it runs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_alert_digests', table => {
    // ISO week, e.g. 2026-W50.
    table.string('week', 10).notNullable();
    table.string('owner', 255).notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['week', 'owner']);
  });
  await knex.schema.alterTable('reliability_incident_alerts', table => {
    table.index(['starts_at'], 'reliability_incident_alerts_starts_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_incident_alerts', table => {
    table.dropIndex(['starts_at'], 'reliability_incident_alerts_starts_idx');
  });
  await knex.schema.dropTable('reliability_alert_digests');
};
