import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  RUNBOOK_FOLDER_RULE_SOURCE,
  type AlertRule,
  type AlertRuleSourceState,
} from '@reliability-suite/plugin-reliability-common';
import type { AlertRuleSource } from '@reliability-suite/plugin-reliability-node';
import type { AlertRuleStore, StoredRules } from './AlertRuleStore';

/** The sources of the rule files in runbook folders start with this. */
const FOLDER = RUNBOOK_FOLDER_RULE_SOURCE;

/**
 * Reads the alert rule sources modules added (a Prometheus rules API, …) and
 * the configured rule files on the scheduler, in global scope — with several
 * backend instances, one at a time — and keeps each one's last good rules in
 * the database, so every instance serves them. With
 * `reliability.alerts.ruleFilesInRunbookFolders`, the rule files the runbook
 * indexer finds beside the runbooks are a source per runbook location too,
 * recorded as the indexer reads them.
 */
export class AlertRuleRunner {
  private readonly sources: AlertRuleSource[] = [];

  constructor(
    private readonly options: {
      store: AlertRuleStore;
      scheduler: SchedulerService;
      logger: LoggerService;
      /** Whether rule files in runbook folders are read. */
      folders?: boolean;
    },
  ) {}

  /** Whether the rule files in runbook folders are a source. */
  get readsFolders(): boolean {
    return this.options.folders === true;
  }

  /**
   * A runbook location was read: the alerting rules of its rule files
   * replace its last ones. The rules of a rule file that has an error now
   * are kept as they were (as the location keeps its broken runbooks'
   * last good copy); `entityRef`, the entity whose folder it is, is what
   * the rules are about when nothing else says.
   */
  async recordFolder(
    location: {
      id: string;
      target: string;
      /** The entity the location is read for, shown as the source. */
      entityRef?: string;
      /** The entities whose folder it is (several share one folder). */
      entityRefs: string[];
    },
    read: {
      rules: AlertRule[];
      failedFiles: string[];
      error?: string;
      /** The folder is as it was when last read: its rules are kept. */
      unchanged?: boolean;
      /**
       * Only these files were read again: the rules of the others are kept
       * as they were.
       */
      files?: string[];
    },
    at: Date,
  ): Promise<void> {
    if (!this.readsFolders) return;
    const { store } = this.options;
    const id = `${FOLDER}${location.id}`;
    const [previous] = await store.rules([id]);
    const about = { entityRef: location.entityRef, target: location.target };
    if (read.error !== undefined) {
      if (previous) await store.recordFailure(id, read.error, at);
      return;
    }
    if (read.unchanged) {
      if (previous) await store.recordRules(id, previous.rules, at, about);
      return;
    }
    const failed = new Set(read.failedFiles);
    const scope = read.files ? new Set(read.files) : undefined;
    const kept = (previous?.rules ?? []).filter(
      r =>
        r.file !== undefined &&
        (failed.has(r.file) || (scope !== undefined && !scope.has(r.file))),
    );
    const { entityRefs } = location;
    const rules = [
      ...read.rules.map(r => (entityRefs.length ? { ...r, entityRefs } : r)),
      ...kept,
    ];
    if (!rules.length) {
      // A folder without rule files is no source; one whose rule files are
      // gone forgets them.
      if (previous) await store.forget([id]);
      return;
    }
    await store.recordRules(id, rules, at, about);
  }

  /** The runbook locations still indexed: the others' rules are forgotten. */
  async keepFolders(locationIds: string[]): Promise<void> {
    if (!this.readsFolders) return;
    const keep = new Set(locationIds.map(l => `${FOLDER}${l}`));
    const { store } = this.options;
    await store.forget(
      (await store.sourceIds(FOLDER)).filter(id => !keep.has(id)),
    );
  }

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

  // The configured sources, then the runbook folders that have rule files.
  private async allIds(): Promise<string[]> {
    if (!this.readsFolders) return this.ids;
    return [...this.ids, ...(await this.options.store.sourceIds(FOLDER))];
  }

  async states(): Promise<AlertRuleSourceState[]> {
    return this.options.store.sourceStates(await this.allIds());
  }

  async rules(): Promise<StoredRules[]> {
    return this.options.store.rules(await this.allIds());
  }
}
