import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { BackupEvent } from '@reliability-suite/plugin-reliability-common';
import { ConflictError } from '@backstage/errors';
import type { Knex } from 'knex';
import { keepNewest, migratedClient, toIso } from '../database/database';

const EVENTS = 'reliability_backup_events';
const SOURCES = 'reliability_backup_sources';

import type {
  BackupEventStore,
  BackupSourcePass,
  BackupSourceState,
  EventTarget,
} from './BackupEventStore';

type EventRow = {
  id: string;
  type: 'backup' | 'drill';
  entity_ref: string;
  plan_namespace: string;
  plan_name: string;
  component: string;
  job: string | null;
  started_at: Date | string | number;
  finished_at: Date | string | number | null;
  result: BackupEvent['result'];
  size_bytes: number | string | null;
  restore_seconds: number | null;
  data_verified: boolean | number | null;
  verification: BackupEvent['verification'] | null;
  restorable_to: Date | string | number | null;
  restorable_from: Date | string | number | null;
  tool: string | null;
  message: string | null;
};

function toEvent(row: EventRow): BackupEvent {
  return {
    id: row.id,
    type: row.type,
    entityRef: row.entity_ref,
    component: row.component,
    ...(row.job ? { job: row.job } : {}),
    startedAt: toIso(row.started_at),
    ...(row.finished_at !== null ? { finishedAt: toIso(row.finished_at) } : {}),
    result: row.result,
    ...(row.size_bytes !== null ? { sizeBytes: Number(row.size_bytes) } : {}),
    ...(row.restore_seconds !== null
      ? { restoreSeconds: Number(row.restore_seconds) }
      : {}),
    ...(row.data_verified !== null
      ? { dataVerified: Boolean(row.data_verified) }
      : {}),
    ...(row.verification ? { verification: row.verification } : {}),
    ...(row.restorable_to !== null && row.restorable_to !== undefined
      ? { restorableTo: toIso(row.restorable_to) }
      : {}),
    ...(row.restorable_from !== null && row.restorable_from !== undefined
      ? { restorableFrom: toIso(row.restorable_from) }
      : {}),
    ...(row.tool ? { tool: row.tool } : {}),
    ...(row.message ? { message: row.message } : {}),
  };
}

// What makes a report another report, beyond its id: what happened, to
// which component and job. A report's times may be re-read (a tool's
// output seen again a little later); its outcome may not change.
const MATERIAL = [
  'type',
  'job',
  'result',
  'sizeBytes',
  'restoreSeconds',
  'dataVerified',
  'verification',
] as const;

function contentDifference(
  stored: BackupEvent,
  event: BackupEvent,
  target: EventTarget,
): string | undefined {
  if (stored.component !== target.component) {
    return `component: ${stored.component}, not ${target.component}`;
  }
  for (const key of MATERIAL) {
    if ((stored[key] ?? null) !== (event[key] ?? null)) {
      return `${key}: ${JSON.stringify(
        stored[key] ?? null,
      )}, not ${JSON.stringify(event[key] ?? null)}`;
    }
  }
  return undefined;
}

/** Backup runs and restore drills in the plugin's database. */
export class DatabaseBackupEventStore implements BackupEventStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseBackupEventStore> {
    return new DatabaseBackupEventStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Stores the events that are new, all in one transaction. An event's id is
   * the reporter's own, so it is scoped to the entity and to its source, the
   * reporter: the same id from another reporter, or about another entity,
   * is another event. The same id again is a retry and changes nothing
   * (or the same report sent to two backend instances); a `running` event
   * reported again finished is completed; the same id with other content is
   * a conflict, and nothing of the batch is stored.
   */
  async add(
    events: Array<{ event: BackupEvent; target: EventTarget }>,
    options: { reportedBy: string; at: Date },
  ): Promise<{ accepted: number; duplicates: number }> {
    const source = options.reportedBy;
    let accepted = 0;
    await this.db.transaction(async tx => {
      for (const { event, target } of events) {
        const row = {
          id: event.id,
          source,
          type: event.type,
          entity_ref: event.entityRef,
          plan_namespace: target.planNamespace,
          plan_name: target.planName,
          component: target.component,
          job: event.job ?? null,
          started_at: new Date(event.startedAt),
          finished_at: event.finishedAt ? new Date(event.finishedAt) : null,
          result: event.result,
          size_bytes: event.sizeBytes ?? null,
          restore_seconds: event.restoreSeconds ?? null,
          data_verified: event.dataVerified ?? null,
          verification: event.verification ?? null,
          restorable_to: event.restorableTo
            ? new Date(event.restorableTo)
            : null,
          restorable_from: event.restorableFrom
            ? new Date(event.restorableFrom)
            : null,
          tool: event.tool ?? null,
          message: event.message ?? null,
          received_at: options.at,
          reported_by: options.reportedBy,
        };
        const inserted = await tx(EVENTS)
          .insert(row)
          .onConflict(['entity_ref', 'source', 'id'])
          .ignore()
          .returning('seq');
        // SQLite and PostgreSQL both return the inserted rows only.
        if (inserted.length > 0) {
          accepted++;
          continue;
        }
        const key = { entity_ref: event.entityRef, source, id: event.id };
        const stored = await tx<EventRow>(EVENTS).where(key).first();
        if (!stored) continue;
        if (stored.result === 'running' && event.result !== 'running') {
          // The run it announced has finished.
          await tx(EVENTS).where(key).update(row);
          accepted++;
          continue;
        }
        const differs = contentDifference(toEvent(stored), event, target);
        if (differs) {
          throw new ConflictError(
            `Event ${event.id} was already reported for ${event.entityRef} with other content (${differs}); a new report needs a new id`,
          );
        }
      }
    });
    return { accepted, duplicates: events.length - accepted };
  }

  /**
   * The events of one plan's components, newest first, at most `perComponent`
   * of each type and job per component (the history kept for trends is
   * bounded).
   */
  async listForPlan(
    plan: { namespace: string; name: string },
    options: { perComponent?: number } = {},
  ): Promise<Map<string, BackupEvent[]>> {
    const rows = await this.db<EventRow>(EVENTS)
      .where({ plan_namespace: plan.namespace, plan_name: plan.name })
      .orderBy('started_at', 'desc');
    const limit = options.perComponent ?? 200;
    const byComponent = new Map<string, BackupEvent[]>();
    const counts = new Map<string, number>();
    for (const row of rows) {
      // Per job: a WAL stream every few minutes must not crowd out the
      // nightly full backups.
      const key = `${row.component}\u0000${row.type}\u0000${row.job ?? ''}`;
      const n = counts.get(key) ?? 0;
      if (n >= limit) continue;
      counts.set(key, n + 1);
      const list = byComponent.get(row.component) ?? [];
      list.push(toEvent(row));
      byComponent.set(row.component, list);
    }
    return byComponent;
  }

  /**
   * Every event of one plan that started in `[from, until)`, oldest first:
   * what an evidence export holds for the period.
   */
  async listInPeriod(
    plan: { namespace: string; name: string },
    from: Date,
    until: Date,
  ): Promise<BackupEvent[]> {
    const rows = await this.db<EventRow>(EVENTS)
      .where({ plan_namespace: plan.namespace, plan_name: plan.name })
      .where('started_at', '>=', from)
      .where('started_at', '<', until)
      .orderBy([
        { column: 'started_at', order: 'asc' },
        { column: 'seq', order: 'asc' },
      ]);
    return rows.map(toEvent);
  }

  /**
   * Keeps the newest `maxPerComponent` events of each type and job per
   * component (the bounded history behind the trends); returns how many
   * were deleted.
   */
  async prune(maxPerComponent: number): Promise<number> {
    return keepNewest(this.db, EVENTS, {
      groupBy: ['plan_namespace', 'plan_name', 'component', 'type', 'job'],
      orderBy: 'started_at',
      key: 'seq',
      max: maxPerComponent,
    });
  }

  async recordSourcePass(id: string, pass: BackupSourcePass): Promise<void> {
    const row: Record<string, unknown> = pass.ok
      ? {
          last_run_at: pass.at,
          last_success_at: pass.at,
          last_error: pass.error ?? null,
          last_events: pass.events,
          last_accepted: pass.accepted,
          last_notes: JSON.stringify(pass.notes.slice(0, 50)),
        }
      : { last_run_at: pass.at, last_error: pass.error.slice(0, 2000) };
    await this.db(SOURCES)
      .insert({ id, ...row })
      .onConflict('id')
      .merge(Object.keys(row));
  }

  async sourceStates(ids: string[]): Promise<BackupSourceState[]> {
    const rows = ids.length
      ? await this.db(SOURCES).whereIn('id', ids).select()
      : [];
    const byId = new Map(rows.map(r => [r.id, r]));
    return ids.map(id => {
      const r = byId.get(id);
      if (!r) return { id, notes: [] };
      return {
        id,
        ...(r.last_run_at ? { lastRunAt: toIso(r.last_run_at) } : {}),
        ...(r.last_success_at
          ? { lastSuccessAt: toIso(r.last_success_at) }
          : {}),
        ...(r.last_error ? { lastError: r.last_error } : {}),
        ...(r.last_events !== null ? { lastEvents: r.last_events } : {}),
        ...(r.last_accepted !== null ? { lastAccepted: r.last_accepted } : {}),
        notes: r.last_notes ? JSON.parse(r.last_notes) : [],
      };
    });
  }
}
