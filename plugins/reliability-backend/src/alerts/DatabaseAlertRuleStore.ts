import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  AlertCoverageDay,
  AlertRule,
  AlertRuleSourceState,
} from '@reliability-suite/plugin-reliability-common';
import type { Knex } from 'knex';
import { migratedClient, toIso } from '../database/database';
import type { AlertRuleStore, StoredRules } from './AlertRuleStore';

const SOURCES = 'reliability_alert_rule_sources';
const DAYS = 'reliability_alert_coverage_days';

/** Alert rule sources' reads in the plugin's database. */
export class DatabaseAlertRuleStore implements AlertRuleStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAlertRuleStore> {
    return new DatabaseAlertRuleStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async recordRules(
    id: string,
    rules: AlertRule[],
    at: Date,
    about: { entityRef?: string; target?: string } = {},
  ) {
    const row = {
      last_run_at: at,
      last_success_at: at,
      last_error: null,
      rule_count: rules.length,
      rules: JSON.stringify(rules),
      entity_ref: about.entityRef ?? null,
      target: about.target ?? null,
    };
    await this.db(SOURCES)
      .insert({ id, ...row })
      .onConflict('id')
      .merge(Object.keys(row));
  }

  async recordFailure(id: string, error: string, at: Date) {
    const row = { last_run_at: at, last_error: error.slice(0, 2000) };
    await this.db(SOURCES)
      .insert({ id, ...row })
      .onConflict('id')
      .merge(Object.keys(row));
  }

  async sourceStates(ids: string[]): Promise<AlertRuleSourceState[]> {
    const rows = ids.length
      ? await this.db(SOURCES)
          .whereIn('id', ids)
          .select(
            'id',
            'last_run_at',
            'last_success_at',
            'last_error',
            'rule_count',
            'entity_ref',
            'target',
          )
      : [];
    const byId = new Map(rows.map(r => [r.id, r]));
    return ids.map(id => {
      const r = byId.get(id);
      if (!r) return { id };
      return {
        id,
        ...(r.entity_ref ? { entityRef: r.entity_ref } : {}),
        ...(r.target ? { target: r.target } : {}),
        ...(r.last_run_at ? { lastRunAt: toIso(r.last_run_at) } : {}),
        ...(r.last_success_at
          ? { lastSuccessAt: toIso(r.last_success_at) }
          : {}),
        ...(r.last_error ? { lastError: r.last_error } : {}),
        ...(r.rule_count !== null ? { rules: Number(r.rule_count) } : {}),
      };
    });
  }

  async rules(ids: string[]): Promise<StoredRules[]> {
    if (!ids.length) return [];
    const rows = await this.db(SOURCES)
      .whereIn('id', ids)
      .whereNotNull('rules')
      .select('id', 'rules');
    const byId = new Map(rows.map(r => [r.id, r.rules as string]));
    return ids.flatMap(id =>
      byId.has(id) ? [{ source: id, rules: JSON.parse(byId.get(id)!) }] : [],
    );
  }

  async sourceIds(prefix: string): Promise<string[]> {
    const rows = await this.db(SOURCES)
      .where('id', 'like', `${prefix.replace(/[\\%_]/g, '')}%`)
      .orderBy('id')
      .select('id');
    // LIKE ignores case on some databases, and the prefix's wildcards are
    // dropped from it: the prefix is checked again.
    return rows.map(r => r.id as string).filter(id => id.startsWith(prefix));
  }

  async forget(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.db(SOURCES)
        .whereIn('id', ids.slice(i, i + 500))
        .delete();
    }
  }

  async recordCoverageDay(days: AlertCoverageDay[]) {
    if (!days.length) return;
    await this.db.transaction(async tx => {
      for (const day of days) {
        await tx(DAYS)
          .insert(day)
          .onConflict(['day', 'owner'])
          .merge(['alerts', 'covered']);
      }
    });
  }

  async coverageDays(since: string, owner?: string) {
    const query = this.db<AlertCoverageDay>(DAYS)
      .where('day', '>=', since)
      .orderBy([
        { column: 'day', order: 'asc' },
        { column: 'owner', order: 'asc' },
      ]);
    if (owner !== undefined) query.where({ owner });
    return (await query).map(r => ({
      day: r.day,
      owner: r.owner,
      alerts: Number(r.alerts),
      covered: Number(r.covered),
    }));
  }
}
