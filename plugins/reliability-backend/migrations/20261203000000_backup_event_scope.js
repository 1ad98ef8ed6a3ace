// @ts-check

/**
 * The columns of an event, as both versions of the table hold them.
 *
 * @param {import('knex').Knex.CreateTableBuilder} table
 */
function eventColumns(table) {
  table.string('type', 16).notNullable();
  table.string('entity_ref', 255).notNullable();
  table.string('plan_namespace', 63).notNullable();
  table.string('plan_name', 63).notNullable();
  table.string('component', 63).notNullable();
  table.string('job', 63).nullable();
  table.timestamp('started_at', { useTz: true }).notNullable();
  table.timestamp('finished_at', { useTz: true }).nullable();
  table.string('result', 16).notNullable();
  table.bigInteger('size_bytes').nullable();
  table.float('restore_seconds').nullable();
  table.boolean('data_verified').nullable();
  table.string('tool', 100).nullable();
  table.text('message').nullable();
  table.timestamp('received_at', { useTz: true }).notNullable();
  table.string('reported_by', 255).notNullable();
}

/**
 * Backup event ids are the reporter's own, so they are scoped: one id per
 * entity and source (the token's subject, the user, or `source:<id>` for a
 * scheduled source). Two hosts' `pgbackrest:main:…` no longer collide, and
 * nobody can claim another reporter's id in advance. The table is made anew
 * with a surrogate key and the rows copied (SQLite cannot change a primary
 * key in place); existing rows keep their reporter as their source.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_backup_events_scoped', table => {
    table.comment('Backup runs and restore drills, as reported');
    table.increments('seq').primary();
    table.string('id', 200).notNullable();
    table.string('source', 255).notNullable();
    eventColumns(table);
    table.unique(['entity_ref', 'source', 'id'], {
      indexName: 'reliability_backup_events_scoped_key',
    });
    table.index(
      ['plan_namespace', 'plan_name', 'component', 'started_at'],
      'reliability_backup_events_scoped_plan',
    );
  });
  const columns = [
    'id',
    'type',
    'entity_ref',
    'plan_namespace',
    'plan_name',
    'component',
    'job',
    'started_at',
    'finished_at',
    'result',
    'size_bytes',
    'restore_seconds',
    'data_verified',
    'tool',
    'message',
    'received_at',
    'reported_by',
  ];
  await knex.raw(
    `INSERT INTO reliability_backup_events_scoped (${columns.join(
      ', ',
    )}, source) SELECT ${columns.join(
      ', ',
    )}, reported_by FROM reliability_backup_events ORDER BY received_at, id`,
  );
  await knex.schema.dropTable('reliability_backup_events');
  await knex.schema.renameTable(
    'reliability_backup_events_scoped',
    'reliability_backup_events',
  );
};

/**
 * Back to one global id: of ids reported for several entities or by
 * several sources, the first received is kept.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.createTable('reliability_backup_events_global', table => {
    table.comment('Backup runs and restore drills, as reported');
    table.string('id', 200).primary();
    eventColumns(table);
    table.index(
      ['plan_namespace', 'plan_name', 'component', 'started_at'],
      'reliability_backup_events_global_plan',
    );
  });
  const columns =
    'id, type, entity_ref, plan_namespace, plan_name, component, job, started_at, finished_at, result, size_bytes, restore_seconds, data_verified, tool, message, received_at, reported_by';
  await knex.raw(
    `INSERT INTO reliability_backup_events_global (${columns}) SELECT ${columns} FROM reliability_backup_events e WHERE e.seq = (SELECT MIN(f.seq) FROM reliability_backup_events f WHERE f.id = e.id)`,
  );
  await knex.schema.dropTable('reliability_backup_events');
  await knex.schema.renameTable(
    'reliability_backup_events_global',
    'reliability_backup_events',
  );
};
