import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { BackupEventSource } from '@reliability-suite/plugin-reliability-node';
import type { Knex } from 'knex';
import { toIso } from '../database/database';
import type { BackupIngest } from './BackupIngest';

const SOURCES = 'reliability_backup_sources';

/** A source's last pass, as `GET /backups/sources` shows it. */
export type BackupSourceState = {
  id: string;
  lastRunAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastEvents?: number;
  lastAccepted?: number;
  notes: string[];
};

/**
 * Runs the backup sources modules added (a Prometheus, …) on the scheduler,
 * in global scope — with several backend instances, one at a time — and
 * keeps each one's last pass in the database, so every instance shows it.
 */
export class BackupSourceRunner {
  private readonly sources: BackupEventSource[] = [];

  constructor(
    private readonly options: {
      db: Knex;
      ingest: BackupIngest;
      scheduler: SchedulerService;
      logger: LoggerService;
    },
  ) {}

  add(source: BackupEventSource) {
    if (this.sources.some(s => s.id === source.id)) {
      throw new Error(`Backup source ${source.id} was added twice`);
    }
    this.sources.push(source);
  }

  async start() {
    for (const source of this.sources) {
      await this.options.scheduler.scheduleTask({
        id: `reliability-backup-source:${source.id}`,
        scope: 'global',
        ...source.schedule,
        fn: async signal => {
          await this.runOnce(source.id, signal);
        },
      });
    }
  }

  /** One pass of a source: what it sees now, each event on its own. */
  async runOnce(id: string, signal?: AbortSignal): Promise<BackupSourceState> {
    const source = this.sources.find(s => s.id === id);
    if (!source) throw new Error(`No backup source ${id}`);
    const { db, ingest, logger } = this.options;
    const now = new Date();
    let row: Record<string, unknown>;
    try {
      const { events, notes } = await source.collect({ now, signal });
      // Past its timeout: nothing half-read is stored; the next pass reads again.
      signal?.throwIfAborted();
      const stored = await ingest.ingestEach(events, `source:${source.id}`);
      for (const reason of stored.rejected) {
        logger.warn(`Backup source ${source.id}: ${reason}`);
      }
      row = {
        last_run_at: now,
        last_success_at: now,
        last_error: stored.rejected.length
          ? `${stored.rejected.length} event(s) set aside: ${stored.rejected[0]}`
          : null,
        last_events: events.length,
        last_accepted: stored.accepted,
        last_notes: JSON.stringify(notes.slice(0, 50)),
      };
    } catch (error) {
      logger.warn(`Backup source ${source.id} failed: ${error}`);
      row = {
        last_run_at: now,
        last_error: String((error as Error).message ?? error).slice(0, 2000),
      };
    }
    await db(SOURCES)
      .insert({ id: source.id, ...row })
      .onConflict('id')
      .merge(Object.keys(row));
    return (await this.list()).find(s => s.id === id)!;
  }

  async list(): Promise<BackupSourceState[]> {
    const rows = await this.options.db(SOURCES).select();
    const byId = new Map(rows.map(r => [r.id, r]));
    return this.sources.map(({ id }) => {
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
