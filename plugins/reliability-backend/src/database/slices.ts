import type { Knex } from 'knex';

/** What identifies a stored runbook or plan, and the file it came from. */
export type RowKey = { namespace: string; name: string; source_url: string };

/**
 * The `columns` of a location's rows in `table`: all of them, or those of
 * the files a read replaces (`files`), asked in slices.
 */
export async function scopedRows<T>(
  tx: Knex.Transaction,
  table: string,
  locationId: string,
  files: string[] | undefined,
  columns: string[],
): Promise<T[]> {
  if (!files) {
    return (await tx(table)
      .where({ location_id: locationId })
      .select(columns)) as T[];
  }
  const rows: T[] = [];
  await inSlices(files, async slice => {
    rows.push(
      ...(await tx(table)
        .where({ location_id: locationId })
        .whereIn('source_url', slice)
        .select(columns)),
    );
  });
  return rows;
}

/**
 * Deletes a location's rows in `table`: all of them, or those whose `column`
 * names one of the files a read replaces (`files`), in slices.
 */
export async function deleteScopedRows(
  tx: Knex.Transaction,
  table: string,
  locationId: string,
  files: string[] | undefined,
  column: string,
): Promise<void> {
  if (!files) {
    await tx(table).where({ location_id: locationId }).delete();
    return;
  }
  await inSlices(files, slice =>
    tx(table)
      .where({ location_id: locationId })
      .whereIn(column, slice)
      .delete(),
  );
}

/** Runs `fn` on slices of `items` small enough for one statement's parameters. */
export async function inSlices<T>(
  items: T[],
  fn: (slice: T[]) => Promise<unknown>,
  size = 200,
) {
  for (let i = 0; i < items.length; i += size) {
    await fn(items.slice(i, i + size));
  }
}
