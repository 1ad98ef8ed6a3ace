import { load, type YAMLException } from 'js-yaml';
import type { RunbookProblem } from '../runbooks/types';
import type { Integer, Timestamp } from '../scalars';

/**
 * An alerting rule as Prometheus (or Thanos, Mimir, VictoriaMetrics) holds
 * it: its name, its group, its static labels and its `runbook_url`.
 *
 * @public
 */
export type AlertRule = {
  /** The alert's name (`alert:` in a rule file, `alertname` on the alert). */
  name: string;
  /** The rule group it is in. */
  group: string;
  /** The labels the rule sets; the alert's series add their own. */
  labels: Record<string, string>;
  /** The `runbook_url` annotation, when the rule has one. */
  runbookUrl?: string;
  /** The `summary` annotation, when the rule has one. */
  summary?: string;
  /** The rule file and line it is written on, when read from a file. */
  file?: string;
  line?: Integer;
  /**
   * The entities whose runbook folder holds the rule file: what the rule is
   * about when no runbook or label says.
   */
  entityRefs?: string[];
};

/**
 * What a `runbook_url` leads to: `runbook`, a runbook this portal indexes
 * (its page, or the alert landing page of an alert a runbook answers);
 * `dead-link`, a page of this portal with no runbook behind it; `foreign`,
 * somewhere else (a wiki); `missing`, no `runbook_url` at all.
 *
 * @public
 */
export type RunbookUrlVerdict = 'runbook' | 'dead-link' | 'foreign' | 'missing';

/**
 * Where a `runbook_url` points in this portal: a runbook page, or the alert
 * landing page; undefined for a URL elsewhere.
 *
 * @public
 */
export function portalTarget(
  url: string,
  portalBaseUrl: string,
):
  | { kind: 'runbook'; namespace: string; name: string }
  | { kind: 'alert'; alertName: string }
  | undefined {
  let parsed: URL;
  let base: URL;
  try {
    parsed = new URL(url);
    base = new URL(portalBaseUrl);
  } catch {
    return undefined;
  }
  if (parsed.origin !== base.origin) return undefined;
  const prefix = `${base.pathname.replace(/\/$/, '')}/reliability/`;
  if (!parsed.pathname.startsWith(prefix)) return undefined;
  const parts = parsed.pathname
    .slice(prefix.length)
    .split('/')
    .filter(Boolean)
    .map(part => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  if (parts[0] === 'runbooks' && parts.length === 3) {
    return { kind: 'runbook', namespace: parts[1], name: parts[2] };
  }
  if (parts[0] === 'alerts' && parts.length === 2) {
    return { kind: 'alert', alertName: parts[1] };
  }
  return undefined;
}

/**
 * A rule's `runbook_url` with the label templates a rule can know filled in:
 * `{{ $labels.alertname }}` (or `{{ .Labels.alertname }}`) is the rule's
 * name, and a label the rule sets is its value. Other templates stay as
 * they are.
 *
 * @public
 */
export function expandRunbookUrl(
  url: string,
  rule: Pick<AlertRule, 'name' | 'labels'>,
): string {
  const labels: Record<string, string> = {
    ...rule.labels,
    alertname: rule.name,
  };
  return url.replace(
    /\{\{-?\s*(?:\$labels|\.Labels)\.([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}/g,
    (template, name: string) =>
      Object.hasOwn(labels, name) ? encodeURIComponent(labels[name]) : template,
  );
}

/**
 * Whether a runbook trigger answers an alert with these labels: the same
 * name, and no label the trigger names given with another value (a label
 * the rule does not set may come from the alert's series). The rule the
 * Alertmanager bridge matches alerts by.
 *
 * @public
 */
export function triggerMatches(
  trigger: { alertName: string; labels?: Record<string, string> },
  alertName: string,
  labels: Record<string, string>,
): boolean {
  return (
    trigger.alertName === alertName &&
    Object.entries(trigger.labels ?? {}).every(
      ([key, value]) => labels[key] === undefined || labels[key] === value,
    )
  );
}

const MAX_RULES = 20_000;

/**
 * Reads a Prometheus rule file, as promtool reads it (a `groups:` list, each
 * group with its `rules:`): its alerting rules with the line each is written
 * on, and a problem for each thing that is not a rule (recording rules are
 * skipped).
 *
 * @public
 */
export function parsePrometheusRules(
  text: string,
  file: string,
): { rules: AlertRule[]; problems: RunbookProblem[] } {
  const problems: RunbookProblem[] = [];
  const rules: AlertRule[] = [];
  // js-yaml builds plain values as it reads (a tenth of the memory and time
  // of a document model on a 5,000-rule file); its listener tells where each
  // mapping and list began.
  const positions = new WeakMap<object, { line: number; column: number }>();
  const open: { line: number; column: number }[] = [];
  const at = (value: unknown) =>
    (typeof value === 'object' && value !== null
      ? positions.get(value)
      : undefined) ?? { line: 0, column: 0 };
  const problem = (value: unknown, message: string) =>
    problems.push({ severity: 'error', file, ...at(value), message });
  let doc: unknown;
  try {
    doc = load(text, {
      filename: file,
      listener(event, state) {
        if (event === 'open') {
          open.push({
            line: state.line + 1,
            column: state.position - state.lineStart + 1,
          });
          return;
        }
        const where = open.pop();
        if (where && state.result && typeof state.result === 'object') {
          positions.set(state.result, where);
        }
      },
    });
  } catch (error) {
    const mark = (error as YAMLException).mark;
    problems.push({
      severity: 'error',
      file,
      line: mark ? mark.line + 1 : 0,
      column: mark ? mark.column + 1 : 0,
      message:
        (error as YAMLException).reason ??
        `cannot be read: ${(error as Error).message}`,
    });
    return { rules, problems };
  }
  const isMapping = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === 'object' && !Array.isArray(v);
  const groups = isMapping(doc) ? doc.groups : undefined;
  if (!Array.isArray(groups)) {
    problem(doc, 'is not a rule file: it has no `groups:` list');
    return { rules, problems };
  }
  const strings = (v: unknown) =>
    isMapping(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]))
      : {};
  for (const group of groups) {
    if (!isMapping(group)) {
      problem(group, 'a group must be a mapping with `name` and `rules`');
      continue;
    }
    const groupName = group.name;
    if (typeof groupName !== 'string' || !groupName) {
      problem(group, 'a group needs a `name`');
      continue;
    }
    const list = group.rules;
    if (!Array.isArray(list)) {
      problem(group, `group ${groupName} has no \`rules:\` list`);
      continue;
    }
    for (const item of list) {
      if (!isMapping(item)) {
        problem(item ?? list, `group ${groupName}: a rule must be a mapping`);
        continue;
      }
      if (item.record !== undefined) continue; // a recording rule
      if (typeof item.alert !== 'string' || !item.alert) {
        problem(
          item,
          `group ${groupName}: a rule needs \`alert:\` or \`record:\``,
        );
        continue;
      }
      const annotations = strings(item.annotations);
      if (rules.length >= MAX_RULES) {
        problem(
          item,
          `more than ${MAX_RULES} alerting rules: the rest are not read`,
        );
        return { rules, problems };
      }
      rules.push({
        name: item.alert,
        group: groupName,
        labels: strings(item.labels),
        ...(annotations.runbook_url
          ? { runbookUrl: annotations.runbook_url }
          : {}),
        ...(annotations.summary ? { summary: annotations.summary } : {}),
        file,
        line: at(item).line,
      });
    }
  }
  return { rules, problems };
}

/**
 * The ids of the sources that are the rule files of one runbook location
 * start with this (`runbooks:` and the location's id).
 *
 * @public
 */
export const RUNBOOK_FOLDER_RULE_SOURCE = 'runbooks:';

/**
 * A rule source's last read (a Prometheus rules API, a rule file): when,
 * whether it worked, and how many rules it holds; a failed read keeps the
 * last good rules.
 *
 * @public
 */
export type AlertRuleSourceState = {
  id: string;
  /**
   * For the rule files in an entity's runbook folder: the entity, and the
   * folder as its annotation names it.
   */
  entityRef?: string;
  target?: string;
  lastRunAt?: Timestamp;
  lastSuccessAt?: Timestamp;
  /** Why the last read failed; absent when it worked. */
  lastError?: string;
  /** The alerting rules of the last good read. */
  rules?: Integer;
};

/** A runbook as coverage names it. @public */
export type CoverageRunbook = {
  namespace: string;
  name: string;
  title: string;
};

/**
 * One alerting rule against the runbooks: which runbooks answer it (their
 * triggers match it), where its `runbook_url` leads, and whose it is.
 *
 * @public
 */
export type AlertCoverageEntry = {
  rule: AlertRule;
  /** The rule source it was read from. */
  source: string;
  /** The runbooks whose triggers match it. */
  runbooks: CoverageRunbook[];
  /** Where its `runbook_url` leads. */
  link: RunbookUrlVerdict;
  /**
   * A runbook answers it: a trigger matches, or its `runbook_url` leads to
   * an indexed runbook of this portal.
   */
  covered: boolean;
  /** The entities it belongs to, as the Alertmanager bridge would match them. */
  entityRefs: string[];
  /** Their owners, from the catalog. */
  owners: string[];
  /** Why those entities, in words. */
  because?: string;
};

/** A runbook trigger that no alerting rule of any source fires. @public */
export type DeadTrigger = {
  runbook: CoverageRunbook;
  alertName: string;
  labels?: Record<string, string>;
  entityRefs: string[];
};

/**
 * The alerting rules of every configured source against the runbooks, for
 * one entity or for all the caller may see.
 *
 * @public
 */
export type AlertCoverage = {
  sources: AlertRuleSourceState[];
  alerts: AlertCoverageEntry[];
  /** Empty until some source has been read: without rules every trigger would look dead. */
  deadTriggers: DeadTrigger[];
  totals: {
    alerts: Integer;
    covered: Integer;
    /** Of the alerts not covered, those whose `runbook_url` is a dead link of this portal or leads elsewhere. */
    badLinks: Integer;
    deadTriggers: Integer;
  };
  generatedAt: Timestamp;
};

/**
 * One day's alert coverage of one owner: the alerts of their entities, and
 * how many of them a runbook answers. `owner` is `*` for every alert, and
 * empty for those of entities without an owner.
 *
 * @public
 */
export type AlertCoverageDay = {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  owner: string;
  alerts: Integer;
  covered: Integer;
};

/**
 * One entity's alert coverage, for scorecards (`GET /facts/alerts`): its
 * alerting rules, how many a runbook answers, the names of those none does,
 * and its runbooks' triggers that no rule fires.
 *
 * @public
 */
export type EntityAlertFacts = {
  entityRef: string;
  alerts: Integer;
  covered: Integer;
  /** `covered` of `alerts` in percent, rounded down; 100 without alerts. */
  coveragePercent: Integer;
  /** The alerts no runbook answers, by name. */
  uncovered: string[];
  /** Of those, the ones whose `runbook_url` is a dead link or leads elsewhere. */
  badLinks: Integer;
  deadTriggers: Integer;
};

/** @public */
export type AlertFacts = {
  generatedAt: Timestamp;
  /** Whether every rule source's last read worked. */
  sourcesOk: boolean;
  items: EntityAlertFacts[];
};

/**
 * Per entity, from a coverage answer: what `GET /facts/alerts` gives. Every
 * entity an alert or a dead trigger names, sorted by ref.
 *
 * @public
 */
export function alertFacts(coverage: AlertCoverage): AlertFacts {
  const byEntity = new Map<string, EntityAlertFacts>();
  const of = (entityRef: string) => {
    let facts = byEntity.get(entityRef);
    if (!facts) {
      facts = {
        entityRef,
        alerts: 0,
        covered: 0,
        coveragePercent: 100,
        uncovered: [],
        badLinks: 0,
        deadTriggers: 0,
      };
      byEntity.set(entityRef, facts);
    }
    return facts;
  };
  for (const alert of coverage.alerts) {
    for (const ref of new Set(alert.entityRefs)) {
      const facts = of(ref);
      facts.alerts++;
      if (alert.covered) {
        facts.covered++;
      } else {
        facts.uncovered.push(alert.rule.name);
        if (alert.link === 'dead-link' || alert.link === 'foreign') {
          facts.badLinks++;
        }
      }
    }
  }
  for (const trigger of coverage.deadTriggers) {
    for (const ref of new Set(trigger.entityRefs)) of(ref).deadTriggers++;
  }
  const items = [...byEntity.values()]
    .map(f => ({
      ...f,
      uncovered: [...new Set(f.uncovered)].sort(),
      coveragePercent: f.alerts
        ? Math.floor((100 * f.covered) / f.alerts)
        : 100,
    }))
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  return {
    generatedAt: coverage.generatedAt,
    sourcesOk: coverage.sources.every(s => !s.lastError),
    items,
  };
}
