import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { AlertRuleSourceState } from '@reliability-suite/plugin-reliability-common';
import type { AlertRuleSource } from '@reliability-suite/plugin-reliability-node';
import type { AlertRuleStore, StoredRules } from './AlertRuleStore';

/**
 * Reads the alert rule sources modules added (a Prometheus rules API, …) and
 * the configured rule files on the scheduler, in global scope — with several
 * backend instances, one at a time — and keeps each one's last good rules in
 * the database, so every instance serves them.
 */
export class AlertRuleRunner {
  private readonly sources: AlertRuleSource[] = [];

  constructor(
    private readonly options: {
      store: AlertRuleStore;
      scheduler: SchedulerService;
      logger: LoggerService;
    },
  ) {}

  add(...sources: AlertRuleSource[]) {
    for (const source of sources) {
      if (this.sources.some(s => s.id === source.id)) {
        throw new Error(`Alert rule source ${source.id} was added twice`);
      }
      this.sources.push(source);
    }
  }

  get store(): AlertRuleStore {
    return this.options.store;
  }

  get ids() {
    return this.sources.map(s => s.id);
  }

  async start() {
    for (const source of this.sources) {
      await this.options.scheduler.scheduleTask({
        id: `reliability-alert-rules:${source.id}`,
        scope: 'global',
        ...source.schedule,
        fn: async signal => {
          await this.runOnce(source.id, signal);
        },
      });
    }
  }

  /** One read of a source: its rules kept when it worked, its error when not. */
  async runOnce(
    id: string,
    signal?: AbortSignal,
  ): Promise<AlertRuleSourceState> {
    const source = this.sources.find(s => s.id === id);
    if (!source) throw new Error(`No alert rule source ${id}`);
    const { store, logger } = this.options;
    const now = new Date();
    try {
      const rules = await source.read({ signal });
      signal?.throwIfAborted();
      await store.recordRules(id, rules, now);
    } catch (error) {
      logger.warn(`Alert rule source ${id} failed: ${error}`);
      await store.recordFailure(
        id,
        String((error as Error)?.message ?? error),
        now,
      );
    }
    const [state] = await store.sourceStates([id]);
    return state;
  }

  states(): Promise<AlertRuleSourceState[]> {
    return this.options.store.sourceStates(this.ids);
  }

  rules(): Promise<StoredRules[]> {
    return this.options.store.rules(this.ids);
  }
}
