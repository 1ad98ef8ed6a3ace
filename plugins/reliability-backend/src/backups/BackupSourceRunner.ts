import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { BackupEventSource } from '@reliability-suite/plugin-reliability-node';
import type {
  BackupEventStore,
  BackupSourcePass,
  BackupSourceState,
} from './BackupEventStore';
import type { BackupIngest } from './BackupIngest';

/**
 * Runs the backup sources modules added (a Prometheus, …) on the scheduler,
 * in global scope — with several backend instances, one at a time — and
 * keeps each one's last pass in the database, so every instance shows it.
 */
export class BackupSourceRunner {
  private readonly sources: BackupEventSource[] = [];

  constructor(
    private readonly options: {
      store: BackupEventStore;
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
    const { store, ingest, logger } = this.options;
    const now = new Date();
    let pass: BackupSourcePass;
    try {
      const { events, notes } = await source.collect({ now, signal });
      // Past its timeout: nothing half-read is stored; the next pass reads again.
      signal?.throwIfAborted();
      const stored = await ingest.ingestEach(events, `source:${source.id}`);
      for (const reason of stored.rejected) {
        logger.warn(`Backup source ${source.id}: ${reason}`);
      }
      pass = {
        at: now,
        ok: true,
        events: events.length,
        accepted: stored.accepted,
        ...(stored.rejected.length
          ? {
              error: `${stored.rejected.length} event(s) set aside: ${stored.rejected[0]}`,
            }
          : {}),
        notes,
      };
    } catch (error) {
      logger.warn(`Backup source ${source.id} failed: ${error}`);
      pass = {
        at: now,
        ok: false,
        error: String((error as Error).message ?? error),
      };
    }
    await store.recordSourcePass(source.id, pass);
    const [state] = await store.sourceStates([source.id]);
    return state;
  }

  async list(): Promise<BackupSourceState[]> {
    return this.options.store.sourceStates(this.sources.map(s => s.id));
  }
}
