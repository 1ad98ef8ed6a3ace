import { parseRecoveryObjective } from './objective';
import type { RecoveryPlanDocument } from './types';

/** A problem the schema cannot see, at a path in the document. */
export interface PlanProblem {
  path: (string | number)[];
  severity: 'error' | 'warning';
  message: string;
}

const DURATION = /^(\d+)\s*(w|weeks?|d|days?|h|hours?|m|min|minutes?)$/i;
const UNIT: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60 };

/** `7d`, `1 week`, `12h` → seconds; undefined when it is not one. */
export function cadenceSeconds(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT[m[2][0].toLocaleLowerCase('en-US')];
}

// Five cron fields of digits, *, ranges, lists and steps (or a @macro).
const CRON =
  /^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|([\d*,/-]+|\?)(\s+([\d*,/A-Za-z-]+|\?)){4})$/;

/** Whether a backup schedule is something a person and a checker can read. */
export function isSchedule(text: string): boolean {
  const t = text.trim();
  if (/^(continuous|manual|on demand)$/i.test(t)) return true;
  if (CRON.test(t)) return true;
  const every = t.replace(/^every\s+/i, '');
  const parsed = parseRecoveryObjective(every);
  return parsed.ok && parsed.value.kind === 'duration';
}

/**
 * What a recovery plan must get right beyond its schema: objectives that are
 * times (not "Near-zero"), schedules and drill cadences that can be checked,
 * names that are unique, degraded modes about components the plan has,
 * severities that are configured, and every stateful component with a way
 * back (a backup, replication, or the reason it needs none).
 */
export function checkRecoveryPlan(
  plan: RecoveryPlanDocument,
  options: { severities?: string[] },
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const error = (path: PlanProblem['path'], message: string) =>
    problems.push({ path, severity: 'error', message });
  const warn = (path: PlanProblem['path'], message: string) =>
    problems.push({ path, severity: 'warning', message });
  const objective = (path: PlanProblem['path'], value: unknown) => {
    if (value === undefined) return;
    const parsed = parseRecoveryObjective(String(value));
    if (!parsed.ok) error(path, parsed.error);
  };

  const { spec } = plan;
  objective(['spec', 'rpo'], spec.rpo);
  objective(['spec', 'rto'], spec.rto);
  spec.dataTypes?.forEach((d, i) => {
    objective(['spec', 'dataTypes', i, 'rpo'], d.rpo);
    objective(['spec', 'dataTypes', i, 'rto'], d.rto);
  });

  const names = new Set<string>();
  spec.components.forEach((c, i) => {
    const at = ['spec', 'components', i];
    if (names.has(c.name)) {
      error([...at, 'name'], `duplicate component name ${c.name}`);
    }
    names.add(c.name);
    objective([...at, 'rpo'], c.rpo);
    objective([...at, 'rto'], c.rto);
    objective([...at, 'replication', 'rpo'], c.replication?.rpo);
    const hasBackup = (c.backups ?? []).length > 0;
    if (c.stateless && hasBackup) {
      warn(
        [...at, 'stateless'],
        'is stateless and has backups: say which it is',
      );
    }
    if (!c.stateless && !hasBackup && !c.replication) {
      warn(
        at,
        `(${c.name}) holds state but has no backups, no replication and no stateless reason`,
      );
    }
    const jobs = new Set<string>();
    c.backups?.forEach((b, j) => {
      if (jobs.has(b.name)) {
        error([...at, 'backups', j, 'name'], `duplicate backup ${b.name}`);
      }
      jobs.add(b.name);
      if (b.schedule !== undefined && !isSchedule(b.schedule)) {
        error(
          [...at, 'backups', j, 'schedule'],
          `${JSON.stringify(
            b.schedule,
          )} is not a schedule: write a cron expression such as "0 2 * * *", an interval such as "15m", "continuous" or "manual"`,
        );
      }
    });
    if (c.drill) {
      const cadence = cadenceSeconds(c.drill.cadence);
      if (cadence === undefined) {
        error(
          [...at, 'drill', 'cadence'],
          `${JSON.stringify(
            c.drill.cadence,
          )} is not a cadence: write a duration such as "7d" or "30d"`,
        );
      }
      if (c.drill.staleAfter !== undefined) {
        const stale = cadenceSeconds(c.drill.staleAfter);
        if (stale === undefined) {
          error(
            [...at, 'drill', 'staleAfter'],
            `${JSON.stringify(
              c.drill.staleAfter,
            )} is not a duration such as "8d"`,
          );
        } else if (cadence !== undefined && stale < cadence) {
          warn(
            [...at, 'drill', 'staleAfter'],
            'is shorter than the cadence: every drill would be stale before the next one',
          );
        }
      }
    }
  });

  const scenarioNames = new Set<string>();
  spec.scenarios?.forEach((s, i) => {
    const at = ['spec', 'scenarios', i];
    if (scenarioNames.has(s.name)) {
      error([...at, 'name'], `duplicate scenario name ${s.name}`);
    }
    scenarioNames.add(s.name);
    objective([...at, 'rpo'], s.rpo);
    objective([...at, 'rto'], s.rto);
  });

  spec.degradedModes?.forEach((d, i) => {
    const at = ['spec', 'degradedModes', i];
    if (!names.has(d.component) && !d.component.includes(':')) {
      warn(
        [...at, 'component'],
        `${d.component} is not a component of this plan (${[...names].join(
          ', ',
        )}) nor an entity ref`,
      );
    }
    if (
      d.severity !== undefined &&
      options.severities &&
      !options.severities.includes(d.severity)
    ) {
      error(
        [...at, 'severity'],
        `${JSON.stringify(
          d.severity,
        )} is not a configured severity (${options.severities.join(', ')})`,
      );
    }
  });
  return problems;
}
