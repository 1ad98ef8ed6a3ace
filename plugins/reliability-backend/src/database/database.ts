import {
  type DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** The plugin's migrations, shipped in the package's `migrations` folder. */
export const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@reliability-suite/plugin-reliability-backend',
  'migrations',
);

/**
 * The plugin's database client, migrated to the latest schema unless the
 * app manages migrations itself (`migrations.skip`).
 */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  }
  return knex;
}

/** A timestamp as either database returns it (SQLite: a number or a string, PostgreSQL: a Date), in ISO 8601. */
export function toIso(value: Date | string | number): string;
export function toIso(
  value: Date | string | number | null | undefined,
): string | undefined;
export function toIso(
  value: Date | string | number | null | undefined,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return new Date(Number(value)).toISOString();
  }
  return new Date(value).toISOString();
}

/**
 * Keeps the newest `max` rows (by `orderBy`) of each group of `table` and
 * deletes the rest: the bound on the history tables. Returns how many rows
 * were deleted.
 */
export async function keepNewest(
  db: Knex,
  table: string,
  options: { groupBy: string[]; orderBy: string; key: string; max: number },
): Promise<number> {
  const { groupBy, orderBy, key, max } = options;
  const groups = await db(table)
    .select(groupBy)
    .count({ n: '*' })
    .groupBy(groupBy)
    .having(db.raw('count(*) > ?', [max]));
  let deleted = 0;
  for (const group of groups) {
    const row = group as Record<string, unknown>;
    const where = Object.fromEntries(groupBy.map(c => [c, row[c]]));
    const keep = db(table)
      .where(where)
      .orderBy(orderBy, 'desc')
      .limit(max)
      .select(key);
    deleted += await db(table).where(where).whereNotIn(key, keep).delete();
  }
  return deleted;
}
