// @ts-check

/**
 * Each alert rule source's last read (a Prometheus rules API, a rule file):
 * when it ran, when it last worked, why it failed, and the alerting rules of
 * its last good read, as JSON. A failed read leaves the rules as they were,
 * so coverage keeps showing them while the source is down.
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
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_alert_rule_sources');
};
