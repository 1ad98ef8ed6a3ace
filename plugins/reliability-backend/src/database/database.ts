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
