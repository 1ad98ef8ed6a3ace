// @ts-check

/**
 * Each alert rule source's last read (a Prometheus rules API, a rule file):
 * when it ran, when it last worked, why it failed, and the alerting rules of
 * its last good read, as JSON. A failed read leaves the rules as they were,
 * so coverage keeps showing them while the source is down. And coverage
 * by day and owner (the alerts of their entities, and how many of them a
 * runbook answers), for the trend. The rule files in an entity's runbook
 * folder are a source of their own, with the entity and the folder.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_alert_rule_sources', table => {
    table.string('id', 255).primary();
    table.timestamp('last_run_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.integer('rule_count').nullable();
    table.text('rules').nullable();
    table.string('entity_ref', 255).nullable();
    table.text('target').nullable();
  });
  await knex.schema.createTable('reliability_alert_coverage_days', table => {
    table.string('day', 10).notNullable();
    // '' for the alerts of entities without an owner; '*' for all of them.
    table.string('owner', 255).notNullable();
    table.integer('alerts').notNullable();
    table.integer('covered').notNullable();
    table.primary(['day', 'owner']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_alert_coverage_days');
  await knex.schema.dropTable('reliability_alert_rule_sources');
};
