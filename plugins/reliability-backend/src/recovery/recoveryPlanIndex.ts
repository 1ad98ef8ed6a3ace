import type {
  RecoveryPlanDetails,
  RecoveryPlanDocument,
  RunbookProblem,
} from '@reliability-suite/plugin-reliability-common';
import type { Knex } from 'knex';
import { toIso } from '../database/database';
import { type RowKey, scopedRows } from '../database/slices';

export const PLANS = 'reliability_recovery_plans';
export const PLAN_ENTITIES = 'reliability_recovery_plan_entities';

/** A recovery plan read in an index pass, ready to store. */
export interface IndexedRecoveryPlan {
  document: RecoveryPlanDocument;
  sourceUrl: string;
  sourceLine: number;
}

type PlanRow = {
  namespace: string;
  name: string;
  location_id: string;
  title: string;
  source_url: string;
  source_line: number;
  revision: string | null;
  synced_at: Date | string | number;
  stale: boolean | number;
  document: string;
};

/** The entities a plan covers: its own, and each component's. */
export function planEntityRefs(plan: RecoveryPlanDocument): string[] {
  return [
    ...new Set([
      ...(plan.spec.entityRefs ?? []),
      ...plan.spec.components.flatMap(c => (c.entityRef ? [c.entityRef] : [])),
    ]),
  ];
}

async function deletePlans(tx: Knex.Transaction, rows: RowKey[]) {
  for (let i = 0; i < rows.length; i += 200) {
    const keys = rows.slice(i, i + 200).map(r => [r.namespace, r.name]);
    await tx(PLAN_ENTITIES).whereIn(['namespace', 'name'], keys).delete();
    await tx(PLANS).whereIn(['namespace', 'name'], keys).delete();
  }
}

/**
 * Replaces the recovery plans a location holds, inside the index pass's
 * transaction, with the runbooks' rules: a plan whose file now fails keeps
 * its last good copy (stale); a name another location holds is an error
 * naming both files.
 */
export async function replaceLocationPlans(
  tx: Knex.Transaction,
  options: {
    locationId: string;
    plans: IndexedRecoveryPlan[];
    /** The files read again, when only they were (see LocationIndexResult). */
    files?: string[];
    failedFiles: string[];
    revision: string | null;
    at: Date;
    problems: RunbookProblem[];
  },
) {
  const { locationId, plans, at, problems } = options;
  const scope = options.files ? new Set(options.files) : undefined;
  const inScope = (file: string) => !scope || scope.has(file);
  const previous = await scopedRows<RowKey>(
    tx,
    PLANS,
    locationId,
    options.files,
    ['namespace', 'name', 'source_url'],
  );
  const key = (ns: string, n: string) => `${ns}/${n}`;
  const fresh = new Set(
    plans.map(p =>
      key(p.document.metadata.namespace ?? 'default', p.document.metadata.name),
    ),
  );
  const failed = new Set(options.failedFiles);
  const kept = previous.filter(
    r => failed.has(r.source_url) && !fresh.has(key(r.namespace, r.name)),
  );
  const keptKeys = new Set(kept.map(r => key(r.namespace, r.name)));
  await deletePlans(
    tx,
    previous.filter(r => !keptKeys.has(key(r.namespace, r.name))),
  );
  for (const r of kept) {
    await tx(PLANS)
      .where({ namespace: r.namespace, name: r.name })
      .update({ stale: true });
  }

  // The names held elsewhere (another location, or a file of this one not
  // read again), asked in slices rather than a query per plan.
  const taken = new Map<string, string>();
  const keys = plans.map(p => [
    p.document.metadata.namespace ?? 'default',
    p.document.metadata.name,
  ]);
  for (let i = 0; i < keys.length; i += 200) {
    const rows = await tx<PlanRow>(PLANS)
      .whereIn(['namespace', 'name'], keys.slice(i, i + 200))
      .select('namespace', 'name', 'source_url', 'location_id');
    for (const row of rows) {
      if (row.location_id === locationId && inScope(row.source_url)) continue;
      taken.set(key(row.namespace, row.name), row.source_url);
    }
  }

  const planRows: object[] = [];
  const entityRows: object[] = [];
  for (const p of plans) {
    const { name } = p.document.metadata;
    const namespace = p.document.metadata.namespace ?? 'default';
    const other = taken.get(key(namespace, name));
    if (other !== undefined) {
      problems.push({
        severity: 'error',
        file: p.sourceUrl,
        line: p.sourceLine,
        column: 1,
        runbook: name,
        message: `duplicate recovery plan name ${key(
          namespace,
          name,
        )}: ${other} already defines it`,
      });
      continue;
    }
    planRows.push({
      namespace,
      name,
      location_id: locationId,
      title: p.document.metadata.title ?? name,
      source_url: p.sourceUrl,
      source_line: p.sourceLine,
      revision: options.revision,
      synced_at: at,
      stale: false,
      document: JSON.stringify(p.document),
    });
    for (const entity_ref of planEntityRefs(p.document)) {
      entityRows.push({ namespace, name, entity_ref });
    }
  }
  for (let i = 0; i < planRows.length; i += 100) {
    await tx(PLANS).insert(planRows.slice(i, i + 100));
  }
  for (let i = 0; i < entityRows.length; i += 200) {
    await tx(PLAN_ENTITIES).insert(entityRows.slice(i, i + 200));
  }
}

/** Forgets the plans of a location that is gone. */
export async function deleteLocationPlans(
  tx: Knex.Transaction,
  locationId: string,
) {
  await deletePlans(
    tx,
    await tx<PlanRow>(PLANS).where({ location_id: locationId }),
  );
}

/** Marks a location's plans as fresh: nothing changed at the source. */
export async function touchLocationPlans(
  tx: Knex.Transaction,
  locationId: string,
  at: Date,
  /** The revision now read, when the files that did not change are of it. */
  revision?: string | null,
) {
  await tx(PLANS)
    .where({ location_id: locationId, stale: false })
    .update({
      synced_at: at,
      ...(revision !== undefined ? { revision } : {}),
    });
}

/** The recovery plans covering an entity, or one by name. */
export async function readPlans(
  db: Knex,
  filter: { entityRef?: string; key?: { namespace: string; name: string } },
): Promise<RecoveryPlanDetails[]> {
  const query = db<PlanRow>(PLANS).orderBy(['namespace', 'name']);
  if (filter.entityRef) {
    query.whereIn(
      ['namespace', 'name'],
      db(PLAN_ENTITIES)
        .where('entity_ref', filter.entityRef)
        .select('namespace', 'name'),
    );
  }
  if (filter.key) query.where(filter.key);
  return (await query).map(row => {
    const document: RecoveryPlanDocument = JSON.parse(row.document);
    return {
      namespace: row.namespace,
      name: row.name,
      title: row.title,
      entityRefs: planEntityRefs(document),
      sourceUrl: row.source_url,
      sourceLine: row.source_line,
      ...(row.revision ? { revision: row.revision } : {}),
      lastSyncedAt: toIso(row.synced_at),
      stale: Boolean(row.stale),
      document,
    };
  });
}
