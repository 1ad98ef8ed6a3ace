import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  PageRequest,
  RecoveryPlanDetails,
  RunbookDetails,
  RunbookDocument,
  RunbookLocationState,
  RunbookProblem,
  RunbookSummary,
} from '@reliability-suite/plugin-reliability-common';
import { triggerMatches } from '@reliability-suite/plugin-reliability-common';
import type { Knex } from 'knex';
import { migratedClient, toIso } from '../database/database';
import {
  deleteScopedRows,
  inSlices,
  type RowKey,
  scopedRows,
} from '../database/slices';
import { IndexReadCache } from './IndexReadCache';
import type {
  LocationIndexResult,
  RunbookFilter,
  RunbookLocation,
  RunbookStore,
} from './RunbookStore';

import {
  deleteLocationPlans,
  readPlans,
  replaceLocationPlans,
  touchLocationPlans,
} from '../recovery/recoveryPlanIndex';

const LOCATIONS = 'reliability_runbook_locations';
const RUNBOOKS = 'reliability_runbooks';
const ENTITIES = 'reliability_runbook_entities';
const TRIGGERS = 'reliability_runbook_triggers';
const PROBLEMS = 'reliability_index_problems';
const VERSION = 'reliability_runbook_index_version';
const FILES = 'reliability_index_files';

// Raised by every change of the index, last in its transaction (the row
// lock is held briefly): the other instances' read caches follow it.
async function raiseVersion(tx: Knex | Knex.Transaction) {
  await tx(VERSION).where({ id: 1 }).increment('version', 1);
}

type LocationRow = {
  id: string;
  source: 'entity' | 'config';
  target: string;
  entity_ref: string | null;
  etag: string | null;
  revision: string | null;
  last_attempt_at: Date | string | number | null;
  last_success_at: Date | string | number | null;
  last_error: string | null;
  verdicts?: string | null;
  read_signature?: string | null;
};

type RunbookRow = {
  namespace: string;
  name: string;
  location_id: string;
  title: string;
  severity: string | null;
  source_url: string;
  source_line: number;
  revision: string | null;
  synced_at: Date | string | number;
  stale: boolean | number;
  document: string;
  location_error?: string | null;
  location_attempt_at?: Date | string | number | null;
  location_success_at?: Date | string | number | null;
  location_revision?: string | null;
};

type ProblemRow = {
  location_id: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
  runbook: string | null;
  entity_ref: string | null;
};

// Inserts in slices, well under SQLite's and PostgreSQL's parameter limits.
async function insertAll(tx: Knex.Transaction, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await tx(table).insert(rows.slice(i, i + 200));
  }
}

/** The runbook index in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseRunbookStore implements RunbookStore {
  static async create(options: {
    database: DatabaseService;
    /**
     * How often the hot reads held in memory are checked against the
     * index's version (default 2 s: another instance's change shows within
     * that), and how many are held (default 5,000).
     */
    readCache?: { checkIntervalMs?: number; maxEntries?: number };
  }): Promise<DatabaseRunbookStore> {
    return new DatabaseRunbookStore(
      await migratedClient(options.database),
      options.readCache,
    );
  }

  private readonly cache: IndexReadCache;

  private constructor(
    private readonly db: Knex,
    readCache: { checkIntervalMs?: number; maxEntries?: number } = {},
  ) {
    this.cache = new IndexReadCache({
      checkIntervalMs: readCache.checkIntervalMs ?? 2000,
      maxEntries: readCache.maxEntries ?? 5000,
      readVersion: async () => {
        const row = await this.db(VERSION).where({ id: 1 }).first('version');
        return String(row?.version ?? 0);
      },
    });
  }

  // A change of the index: in one transaction with the version raised,
  // then what this instance holds in memory forgotten.
  private async change<T>(
    fn: (tx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.db.transaction(async tx => {
        const result = await fn(tx);
        await raiseVersion(tx);
        return result;
      });
    } finally {
      this.cache.invalidate();
    }
  }

  async getLocation(id: string) {
    const row = await this.db<LocationRow>(LOCATIONS).where({ id }).first();
    return row
      ? {
          ...toLocationState(row),
          etag: row.etag ?? undefined,
          verdicts: row.verdicts ?? undefined,
          readSignature: row.read_signature ?? undefined,
        }
      : undefined;
  }

  async fileHashes(locationId: string) {
    const rows: { file: string; hash: string }[] = await this.db(FILES)
      .where({ location_id: locationId })
      .select('file', 'hash');
    return new Map(rows.map(r => [r.file, r.hash]));
  }

  async listLocations(filter: { entityRef?: string } = {}) {
    const query = this.db<LocationRow>(LOCATIONS).orderBy('id');
    if (filter.entityRef) {
      query.where('entity_ref', filter.entityRef);
    }
    return (await query).map(toLocationState);
  }

  async replaceLocation(
    location: RunbookLocation,
    result: LocationIndexResult,
  ): Promise<{ problems: RunbookProblem[] }> {
    const problems = [...result.problems];
    await this.change(async tx => {
      await this.upsertLocation(tx, location, {
        etag: result.etag ?? null,
        revision: result.revision ?? null,
        last_attempt_at: result.at,
        last_success_at: result.at,
        last_error: null,
        verdicts: result.verdicts ?? null,
        read_signature: result.readSignature ?? null,
      });

      // A read of some files replaces what those files held; a whole read
      // replaces everything.
      const scope = result.files ? new Set(result.files) : undefined;
      const inScope = (file: string) => !scope || scope.has(file);
      // Only the keys of what the read replaces: a location's documents
      // are not loaded to replace a hundred of its ten thousand files.
      const previous = await scopedRows<RowKey>(
        tx,
        RUNBOOKS,
        location.id,
        result.files,
        ['namespace', 'name', 'source_url'],
      );
      const fresh = new Set(
        result.runbooks.map(
          r => `${r.document.metadata.namespace}/${r.document.metadata.name}`,
        ),
      );
      const failed = new Set(result.failedFiles);
      // The last good copy of a runbook whose file now fails stays served.
      const kept = previous.filter(
        r => failed.has(r.source_url) && !fresh.has(`${r.namespace}/${r.name}`),
      );
      const keptKeys = new Set(kept.map(r => `${r.namespace}/${r.name}`));
      const dropped = previous.filter(
        r => !keptKeys.has(`${r.namespace}/${r.name}`),
      );
      await this.deleteRunbooks(tx, dropped);
      if (kept.length > 0) {
        for (const r of kept) {
          await tx(RUNBOOKS)
            .where({ namespace: r.namespace, name: r.name })
            .update({ stale: true });
        }
      }

      // A name another location (or a file of this one not read again)
      // already holds is a duplicate: name both files.
      const taken = new Map<string, string>();
      const keys = result.runbooks.map(r => [
        r.document.metadata.namespace,
        r.document.metadata.name,
      ]);
      await inSlices(keys, async slice => {
        const rows = await tx<RunbookRow>(RUNBOOKS)
          .whereIn(['namespace', 'name'], slice)
          .select('namespace', 'name', 'source_url', 'location_id');
        for (const row of rows) {
          if (row.location_id === location.id && inScope(row.source_url)) {
            continue;
          }
          taken.set(`${row.namespace}/${row.name}`, row.source_url);
        }
      });

      const runbookRows: RunbookRow[] = [];
      const entityRows: object[] = [];
      const triggerRows: object[] = [];
      for (const r of result.runbooks) {
        const { namespace, name } = r.document.metadata;
        const key = `${namespace}/${name}`;
        const other = taken.get(key);
        if (other !== undefined) {
          problems.push({
            severity: 'error',
            file: r.sourceUrl,
            line: r.sourceLine,
            column: 1,
            runbook: name,
            message: `duplicate runbook name ${key}: ${other} already defines it`,
          });
          continue;
        }
        runbookRows.push({
          namespace,
          name,
          location_id: location.id,
          title: r.document.metadata.title,
          severity: r.document.spec.severity ?? null,
          source_url: r.sourceUrl,
          source_line: r.sourceLine,
          revision: result.revision ?? result.etag ?? null,
          synced_at: result.at,
          stale: false,
          document: JSON.stringify(r.document),
        });
        for (const entityRef of r.document.spec.entityRefs ?? []) {
          entityRows.push({ namespace, name, entity_ref: entityRef });
        }
        for (const trigger of r.document.spec.triggers ?? []) {
          triggerRows.push({
            namespace,
            name,
            alert_name: trigger.alertName,
            labels: trigger.labels ? JSON.stringify(trigger.labels) : null,
          });
        }
      }
      await insertAll(tx, RUNBOOKS, runbookRows);
      await insertAll(tx, ENTITIES, entityRows);
      await insertAll(tx, TRIGGERS, triggerRows);

      // The location's recovery plans, by the same rules, in the same
      // transaction.
      await replaceLocationPlans(tx, {
        locationId: location.id,
        plans: result.recoveryPlans ?? [],
        files: result.files,
        failedFiles: result.failedFiles,
        revision: result.revision ?? result.etag ?? null,
        at: result.at,
        problems,
      });

      await deleteScopedRows(tx, PROBLEMS, location.id, result.files, 'file');
      await insertAll(
        tx,
        PROBLEMS,
        problems.map(p => ({
          location_id: location.id,
          severity: p.severity,
          file: p.file,
          line: p.line,
          column: p.column,
          message: p.message.slice(0, 4000),
          runbook: p.runbook ?? null,
          entity_ref: p.entityRef ?? null,
        })),
      );

      // The files not read again are as they were at this read: as fresh
      // (a runbook's freshness and revision are its location's last good
      // read's, without a write per runbook).
      if (result.files) {
        await touchLocationPlans(
          tx,
          location.id,
          result.at,
          result.revision ?? result.etag ?? null,
        );
      }

      // What each file held, for the next pass to compare.
      await deleteScopedRows(tx, FILES, location.id, result.files, 'file');
      await insertAll(
        tx,
        FILES,
        Object.entries(result.fileHashes ?? {}).map(([file, hash]) => ({
          location_id: location.id,
          file,
          hash,
        })),
      );
    });
    return { problems };
  }

  async recordFailure(location: RunbookLocation, error: string, at: Date) {
    // The runbooks' sync error shows from the location's row: a change.
    await this.change(tx =>
      this.upsertLocation(tx, location, {
        last_attempt_at: at,
        last_error: error.slice(0, 4000),
      }),
    );
  }

  async recordUnchanged(location: RunbookLocation, at: Date) {
    await this.change(async tx => {
      await this.upsertLocation(tx, location, {
        last_attempt_at: at,
        last_success_at: at,
        last_error: null,
      });
      // Nothing changed at the source: what is held is as fresh as it gets
      // (a runbook's freshness is its location's last good read).
      await touchLocationPlans(tx, location.id, at);
    });
  }

  async pruneLocations(source: 'entity' | 'config', keepIds: string[]) {
    const gone = (
      await this.db<LocationRow>(LOCATIONS).where({ source }).select('id')
    )
      .map(r => r.id)
      .filter(id => !keepIds.includes(id));
    for (const id of gone) {
      await this.change(async tx => {
        const rows = await tx<RunbookRow>(RUNBOOKS).where({ location_id: id });
        await this.deleteRunbooks(tx, rows);
        await deleteLocationPlans(tx, id);
        await tx(PROBLEMS).where({ location_id: id }).delete();
        await tx(FILES).where({ location_id: id }).delete();
        await tx(LOCATIONS).where({ id }).delete();
      });
    }
    return gone.length;
  }

  async listRecoveryPlans(filter: {
    entityRef?: string;
  }): Promise<RecoveryPlanDetails[]> {
    return readPlans(this.db, filter);
  }

  async getRecoveryPlan(
    namespace: string,
    name: string,
  ): Promise<RecoveryPlanDetails | undefined> {
    const [plan] = await readPlans(this.db, { key: { namespace, name } });
    return plan;
  }

  async listRunbooks(filter: RunbookFilter) {
    return this.cache.get(`list:${JSON.stringify(filter)}`, async () =>
      ((await this.runbookRows(filter)) as RunbookRow[]).map(toSummary),
    );
  }

  async listRunbookDetails(
    filter: RunbookFilter & PageRequest,
  ): Promise<RunbookDetails[]> {
    const query = this.runbookRows(filter);
    if (filter.limit !== undefined) query.limit(filter.limit);
    if (filter.offset) query.offset(filter.offset);
    return ((await query) as unknown as RunbookRow[]).map(toDetails);
  }

  async countRunbooks(filter: RunbookFilter): Promise<number> {
    const [{ n }] = await this.runbookRows(filter)
      .clear('select')
      .clear('order')
      .count({ n: '*' });
    return Number(n);
  }

  async runbookEntityRefs(): Promise<string[]> {
    return (await this.db(ENTITIES).distinct('entity_ref')).map(
      r => r.entity_ref,
    );
  }

  // With the state of each runbook's location, to tell whether the copy is
  // older than a failed read.
  private runbookRows(
    filter: RunbookFilter & { key?: { namespace: string; name: string } },
  ): Knex.QueryBuilder {
    const query = this.db<RunbookRow>(RUNBOOKS)
      .leftJoin(LOCATIONS, `${LOCATIONS}.id`, `${RUNBOOKS}.location_id`)
      .select(
        `${RUNBOOKS}.*`,
        `${LOCATIONS}.last_error as location_error`,
        `${LOCATIONS}.last_attempt_at as location_attempt_at`,
        `${LOCATIONS}.last_success_at as location_success_at`,
        this.db.raw(
          `coalesce(${LOCATIONS}.revision, ${LOCATIONS}.etag) as location_revision`,
        ),
      )
      .orderBy([`${RUNBOOKS}.namespace`, `${RUNBOOKS}.name`]);
    if (filter.entityRef) {
      query.whereIn(
        [`${RUNBOOKS}.namespace`, `${RUNBOOKS}.name`],
        this.db(ENTITIES)
          .where('entity_ref', filter.entityRef)
          .select('namespace', 'name'),
      );
    }
    if (filter.severity) {
      query.where(`${RUNBOOKS}.severity`, filter.severity);
    }
    if (filter.hiddenEntityRefs?.length) {
      query.whereNotIn(
        [`${RUNBOOKS}.namespace`, `${RUNBOOKS}.name`],
        this.db(ENTITIES)
          .whereIn('entity_ref', filter.hiddenEntityRefs)
          .select('namespace', 'name'),
      );
    }
    if (filter.key) {
      query.where({
        [`${RUNBOOKS}.namespace`]: filter.key.namespace,
        [`${RUNBOOKS}.name`]: filter.key.name,
      });
    }
    return query;
  }

  async getRunbook(
    namespace: string,
    name: string,
  ): Promise<RunbookDetails | undefined> {
    return this.cache.get(`one:${namespace}/${name}`, async () => {
      const [row]: RunbookRow[] = await this.runbookRows({
        key: { namespace, name },
      });
      return row ? toDetails(row) : undefined;
    });
  }

  async findByAlert(alertName: string, labels: Record<string, string>) {
    return this.cache.get(
      `alert:${JSON.stringify([alertName, Object.entries(labels).sort()])}`,
      () => this.findByAlertNow(alertName, labels),
    );
  }

  private async findByAlertNow(
    alertName: string,
    labels: Record<string, string>,
  ) {
    const triggers = await this.db(TRIGGERS)
      .where({ alert_name: alertName })
      .select('namespace', 'name', 'labels');
    // A trigger matches unless a label it names is given with another value.
    const matching = triggers.filter(t =>
      triggerMatches(
        { alertName, labels: t.labels ? JSON.parse(t.labels) : {} },
        alertName,
        labels,
      ),
    );
    if (matching.length === 0) return [];
    const rows = await this.db<RunbookRow>(RUNBOOKS)
      .whereIn(
        ['namespace', 'name'],
        matching.map(t => [t.namespace, t.name]),
      )
      .orderBy(['namespace', 'name']);
    return rows.map(toSummary);
  }

  async listProblems(filter: { entityRef?: string; locationIds?: string[] }) {
    const query = this.db<ProblemRow>(PROBLEMS).orderBy('id');
    const { entityRef } = filter;
    if (entityRef) {
      // Its own locations' problems, and those of documents elsewhere that
      // name it without leave.
      query.where(q =>
        q
          .whereIn(
            'location_id',
            this.db(LOCATIONS).where('entity_ref', entityRef).select('id'),
          )
          .orWhere('entity_ref', entityRef),
      );
    }
    if (filter.locationIds) {
      query.whereIn('location_id', filter.locationIds);
    }
    return (await query).map(
      (r): RunbookProblem => ({
        severity: r.severity,
        file: r.file,
        line: r.line,
        column: r.column,
        message: r.message,
        ...(r.runbook ? { runbook: r.runbook } : {}),
        ...(r.entity_ref ? { entityRef: r.entity_ref } : {}),
      }),
    );
  }

  private async upsertLocation(
    db: Knex | Knex.Transaction,
    location: RunbookLocation,
    fields: Partial<LocationRow>,
  ) {
    await db(LOCATIONS)
      .insert({
        id: location.id,
        source: location.source,
        target: location.target,
        entity_ref: location.entityRef ?? null,
        ...fields,
      })
      .onConflict('id')
      .merge({
        source: location.source,
        target: location.target,
        entity_ref: location.entityRef ?? null,
        ...fields,
      });
  }

  private async deleteRunbooks(tx: Knex.Transaction, rows: RowKey[]) {
    for (let i = 0; i < rows.length; i += 200) {
      const keys = rows.slice(i, i + 200).map(r => [r.namespace, r.name]);
      await tx(ENTITIES).whereIn(['namespace', 'name'], keys).delete();
      await tx(TRIGGERS).whereIn(['namespace', 'name'], keys).delete();
      await tx(RUNBOOKS).whereIn(['namespace', 'name'], keys).delete();
    }
  }
}

function toLocationState(row: LocationRow): RunbookLocationState {
  return {
    id: row.id,
    source: row.source,
    target: row.target,
    ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
    ...(row.revision ? { revision: row.revision } : {}),
    ...(row.last_attempt_at
      ? { lastAttemptAt: toIso(row.last_attempt_at) }
      : {}),
    ...(row.last_success_at
      ? { lastSuccessAt: toIso(row.last_success_at) }
      : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
  };
}

// When the copy was last confirmed: a runbook still served fresh is as its
// location's last good read found it, though that read did not rewrite it.
function syncedAt(row: RunbookRow): string {
  const own = toIso(row.synced_at)!;
  if (row.stale) return own;
  const location = toIso(row.location_success_at ?? null);
  return location && location > own ? location : own;
}

function revisionOf(row: RunbookRow): string | null {
  return !row.stale && row.location_revision
    ? row.location_revision
    : row.revision;
}

// The last read of the runbook's location failed after this copy was read.
function syncError(row: RunbookRow): Pick<RunbookSummary, 'syncError'> {
  const at = toIso(row.location_attempt_at ?? null);
  const synced = syncedAt(row);
  if (!row.location_error || !at || !synced || at <= synced) return {};
  return { syncError: { at, message: row.location_error } };
}

function toDetails(row: RunbookRow): RunbookDetails {
  return { ...toSummary(row), document: JSON.parse(row.document) };
}

function toSummary(row: RunbookRow): RunbookSummary {
  const document: RunbookDocument = JSON.parse(row.document);
  const { spec } = document;
  return {
    namespace: row.namespace,
    name: row.name,
    title: row.title,
    ...(spec.severity ? { severity: spec.severity } : {}),
    ...(spec.category ? { category: spec.category } : {}),
    ...(spec.owner ? { owner: spec.owner } : {}),
    entityRefs: spec.entityRefs ?? [],
    triggers: spec.triggers ?? [],
    sourceUrl: row.source_url,
    sourceLine: row.source_line,
    ...(revisionOf(row) ? { revision: revisionOf(row)! } : {}),
    lastSyncedAt: syncedAt(row),
    stale: Boolean(row.stale),
    ...(spec.review ? { review: spec.review } : {}),
    ...syncError(row),
  };
}
