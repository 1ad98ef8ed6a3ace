import {
  expandRunbookUrl,
  portalTarget,
  triggerMatches,
  type AlertCoverage,
  type AlertCoverageDay,
  type AlertCoverageEntry,
  type AlertRule,
  type CoverageRunbook,
  type DeadTrigger,
  type RunbookSummary,
  type RunbookUrlVerdict,
} from '@reliability-suite/plugin-reliability-common';
import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ownerByEntity } from '../entities/linkedOwners';
import type { AlertMatcher } from '../incidents/AlertMatcher';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { AlertRuleRunner } from './AlertRuleRunner';

const runbookOf = (r: RunbookSummary): CoverageRunbook => ({
  namespace: r.namespace,
  name: r.name,
  title: r.title,
});

const CACHE_MS = 30_000;

/**
 * Every alerting rule of every source against the runbook index: which
 * runbooks answer it, where its `runbook_url` leads, whose it is; and the
 * runbook triggers no rule fires any more. Computed from the sources' last
 * good rules and kept for half a minute.
 */
export class AlertCoverageService {
  private cached?: {
    at: number;
    key: string;
    value: Promise<Omit<AlertCoverage, 'sources'>>;
  };

  constructor(
    private readonly options: {
      rules: AlertRuleRunner;
      runbookStore: RunbookStore;
      matcher: AlertMatcher;
      /** `app.baseUrl`: a `runbook_url` under it is a link into this portal. */
      portalBaseUrl: string;
      catalog: CatalogService;
      auth: AuthService;
    },
  ) {}

  /**
   * All of it (the caller's view is narrowed by the route). The sources'
   * state is read every time; what their rules mean is computed again when
   * a source read new rules, or after half a minute (the runbooks change).
   */
  async coverage(now = new Date()): Promise<AlertCoverage> {
    const sources = await this.options.rules.states();
    const key = JSON.stringify(sources.map(s => s.lastSuccessAt ?? ''));
    if (
      !this.cached ||
      this.cached.key !== key ||
      now.getTime() - this.cached.at >= CACHE_MS
    ) {
      const value = this.compute(now);
      this.cached = { at: now.getTime(), key, value };
      value.catch(() => {
        this.cached = undefined;
      });
    }
    return { sources, ...(await this.cached.value) };
  }

  private async compute(now: Date): Promise<Omit<AlertCoverage, 'sources'>> {
    const { rules, runbookStore, matcher } = this.options;
    const stored = await rules.rules();
    // Entities looked up once per computation, however many rules name them.
    const known = new Map<string, Promise<boolean>>();
    const exists = (ref: string) => {
      if (!known.has(ref)) known.set(ref, matcher.entityExists(ref));
      return known.get(ref)!;
    };
    const alerts: Array<Omit<AlertCoverageEntry, 'owners'>> = [];
    for (const { source, rules: list } of stored) {
      for (const rule of list) {
        const labels = { ...rule.labels, alertname: rule.name };
        const matched = await matcher.entities(labels, exists);
        const { runbooks } = matched;
        let { entityRefs, because } = matched;
        // A rule file in an entity's runbook folder is that entity's.
        if (!entityRefs.length && rule.entityRefs?.length) {
          entityRefs = rule.entityRefs;
          because = `its rule file is in the runbook folder of ${rule.entityRefs.join(
            ', ',
          )}`;
        }
        const link = await this.linkVerdict(rule);
        alerts.push({
          rule,
          source,
          runbooks: runbooks.map(runbookOf),
          link,
          covered: runbooks.length > 0 || link === 'runbook',
          entityRefs,
          ...(because ? { because } : {}),
        });
      }
    }

    // Triggers no rule fires: only once some source has rules to compare.
    const deadTriggers: DeadTrigger[] = [];
    if (stored.length > 0) {
      const all = stored.flatMap(s => s.rules);
      for (const runbook of await runbookStore.listRunbooks({})) {
        for (const trigger of runbook.triggers) {
          const fired = all.some(rule =>
            triggerMatches(trigger, rule.name, rule.labels),
          );
          if (!fired) {
            deadTriggers.push({
              runbook: runbookOf(runbook),
              alertName: trigger.alertName,
              ...(trigger.labels ? { labels: trigger.labels } : {}),
              entityRefs: runbook.entityRefs,
            });
          }
        }
      }
    }
    const owners = await ownerByEntity(
      this.options.catalog,
      this.options.auth,
      [...new Set(alerts.flatMap(a => a.entityRefs))],
    );
    const withOwners = alerts.map(a => ({
      ...a,
      owners: [
        ...new Set(a.entityRefs.flatMap(ref => owners.get(ref) ?? [])),
      ].sort(),
    }));
    const { sources: _, ...rest } = summarise(
      [],
      withOwners,
      deadTriggers,
      now,
    );
    return rest;
  }

  /**
   * Today's coverage by owner, kept for the trend (a later snapshot of the
   * same day replaces it). Nothing is kept before some source was read.
   */
  async snapshot(now = new Date()): Promise<AlertCoverageDay[]> {
    const { alerts, sources } = await this.coverage(now);
    if (!sources.some(s => s.lastSuccessAt)) return [];
    const day = now.toISOString().slice(0, 10);
    const counts = new Map<string, { alerts: number; covered: number }>();
    const count = (owner: string, covered: boolean) => {
      const c = counts.get(owner) ?? { alerts: 0, covered: 0 };
      c.alerts++;
      if (covered) c.covered++;
      counts.set(owner, c);
    };
    for (const alert of alerts) {
      count('*', alert.covered);
      for (const owner of alert.owners.length ? alert.owners : ['']) {
        count(owner, alert.covered);
      }
    }
    const days = [...counts].map(([owner, c]) => ({ day, owner, ...c }));
    await this.options.rules.store.recordCoverageDay(days);
    return days;
  }

  /** Coverage by day and owner over the last `days` days. */
  history(days: number, now = new Date()): Promise<AlertCoverageDay[]> {
    const since = new Date(now.getTime() - days * 86400_000)
      .toISOString()
      .slice(0, 10);
    return this.options.rules.store.coverageDays(since);
  }

  private async linkVerdict(rule: AlertRule): Promise<RunbookUrlVerdict> {
    if (!rule.runbookUrl) return 'missing';
    const target = portalTarget(
      expandRunbookUrl(rule.runbookUrl, rule),
      this.options.portalBaseUrl,
    );
    if (!target) return 'foreign';
    const { runbookStore } = this.options;
    if (target.kind === 'runbook') {
      const runbook = await runbookStore.getRunbook(
        target.namespace,
        target.name,
      );
      return runbook ? 'runbook' : 'dead-link';
    }
    const answering = await runbookStore.findByAlert(
      target.alertName,
      target.alertName === rule.name ? rule.labels : {},
    );
    return answering.length ? 'runbook' : 'dead-link';
  }
}

/** The totals of what is listed. */
export function summarise(
  sources: AlertCoverage['sources'],
  alerts: AlertCoverageEntry[],
  deadTriggers: DeadTrigger[],
  now: Date,
): AlertCoverage {
  const covered = alerts.filter(a => a.covered).length;
  return {
    sources,
    alerts,
    deadTriggers,
    totals: {
      alerts: alerts.length,
      covered,
      badLinks: alerts.filter(
        a => !a.covered && (a.link === 'dead-link' || a.link === 'foreign'),
      ).length,
      deadTriggers: deadTriggers.length,
    },
    generatedAt: now.toISOString(),
  };
}
