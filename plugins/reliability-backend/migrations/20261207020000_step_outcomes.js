// @ts-check

/**
 * How each runbook step went in an incident, not only whether it was ticked:
 * `outcome` (done, skipped, failed, unhelpful; empty for ticks recorded
 * before, which were done) and a note. Indexed by runbook, for its
 * statistics across incidents. And the step patterns whose runbook owner
 * was told ("step 3 failed in 3 of the last 5 incidents"), so each is told
 * once. And each alert's verdict in its incident (actionable, noise,
 * duplicate), indexed by alert name for each rule's figures.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_incident_ticks', table => {
    table.string('outcome', 16).nullable();
    table.text('note').nullable();
    table.index(['runbook'], 'reliability_incident_ticks_runbook_idx');
  });
  await knex.schema.alterTable('reliability_incident_alerts', table => {
    table.string('verdict', 16).nullable();
    table.string('verdict_by', 255).nullable();
    table.timestamp('verdict_at', { useTz: true }).nullable();
    table.index(['alert_name'], 'reliability_incident_alerts_name_idx');
  });
  await knex.schema.alterTable('reliability_incident_runbooks', table => {
    table.index(
      ['namespace', 'name'],
      'reliability_incident_runbooks_runbook_idx',
    );
  });
  await knex.schema.createTable('reliability_runbook_step_patterns', table => {
    table.string('runbook', 127).notNullable();
    table.string('step', 64).notNullable();
    table.string('outcome', 16).notNullable();
    table.timestamp('told_at', { useTz: true }).notNullable();
    table.text('incidents').notNullable();
    table.primary(['runbook', 'step', 'outcome']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_runbook_step_patterns');
  await knex.schema.alterTable('reliability_incident_alerts', table => {
    table.dropIndex(['alert_name'], 'reliability_incident_alerts_name_idx');
    table.dropColumn('verdict_at');
    table.dropColumn('verdict_by');
    table.dropColumn('verdict');
  });
  await knex.schema.alterTable('reliability_incident_runbooks', table => {
    table.dropIndex(
      ['namespace', 'name'],
      'reliability_incident_runbooks_runbook_idx',
    );
  });
  await knex.schema.alterTable('reliability_incident_ticks', table => {
    table.dropIndex(['runbook'], 'reliability_incident_ticks_runbook_idx');
    table.dropColumn('note');
    table.dropColumn('outcome');
  });
};
