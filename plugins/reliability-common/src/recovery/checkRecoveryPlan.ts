import { severityProblem } from '../severities';
import { cadenceApproxSeconds, parseCadence } from './cadence';
import {
  parseRecoveryObjective,
  QUALITATIVE_OBJECTIVE_HINT,
} from './objective';
import type { RecoveryComponent, RecoveryPlanDocument } from './types';

/** A problem the schema cannot see, at a path in the document. */
export type PlanProblem = {
  path: (string | number)[];
  severity: 'error' | 'warning';
  message: string;
};

/**
 * Whether a component that needs a backup has backup jobs and every one is
 * switched off (`enabled: false`), with no replication to fall back on:
 * what the validator warns of and the judge calls violated.
 */
export function everyBackupSwitchedOff(component: RecoveryComponent): boolean {
  const jobs = component.backups ?? [];
  return (
    !component.stateless &&
    !component.replication &&
    jobs.length > 0 &&
    jobs.every(b => b.enabled === false)
  );
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
  // An objective that is no time is kept, with a warning saying how to
  // make it checkable; a bare "N/A" takes the rationale beside it.
  const objective = (
    path: PlanProblem['path'],
    value: unknown,
    reason?: string,
  ) => {
    if (value === undefined) return;
    const parsed = parseRecoveryObjective(String(value), { reason });
    if (!parsed.ok) error(path, parsed.error);
    else if (parsed.value.kind === 'qualitative') {
      warn(
        path,
        `${JSON.stringify(String(value))}: ${QUALITATIVE_OBJECTIVE_HINT}`,
      );
    }
  };

  const { spec } = plan;
  objective(['spec', 'rpo'], spec.rpo);
  objective(['spec', 'rto'], spec.rto);
  spec.dataTypes?.forEach((d, i) => {
    objective(['spec', 'dataTypes', i, 'rpo'], d.rpo, d.rationale);
    objective(['spec', 'dataTypes', i, 'rto'], d.rto, d.rationale);
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
    const nothingKept = (() => {
      if (c.rpo === undefined) return false;
      const parsed = parseRecoveryObjective(String(c.rpo));
      return parsed.ok && parsed.value.kind === 'not-kept';
    })();
    if (!nothingKept && everyBackupSwitchedOff(c)) {
      warn(
        [...at, 'backups'],
        `(${c.name}) needs a backup, but every job is switched off (enabled: false): it is judged violated until one is reported`,
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
      if (b.schedule !== undefined) {
        const schedule = parseCadence(b.schedule);
        if (!schedule.ok) {
          error([...at, 'backups', j, 'schedule'], schedule.error);
        }
      }
    });
    if (c.drill) {
      const path = [...at, 'drill', 'cadence'];
      const parsed = parseCadence(c.drill.cadence);
      let cadence: number | undefined;
      if (!parsed.ok) {
        error(path, parsed.error);
      } else if (parsed.value.kind === 'continuous') {
        error(
          path,
          'a drill is not continuous: write how often it is run, e.g. "monthly" or "7d"',
        );
      } else if (parsed.value.kind === 'unscheduled') {
        warn(
          path,
          `${JSON.stringify(
            c.drill.cadence,
          )} is kept as written, but there is no cadence to check drills against: write one such as "monthly" or "90d" to have stale drills flagged`,
        );
      } else {
        cadence = cadenceApproxSeconds(parsed.value);
        if (cadence !== undefined && cadence < 3600) {
          warn(
            path,
            `is every ${Math.round(
              cadence / 60,
            )} minute(s): "m" is minutes; a month is "1mo" or "monthly"`,
          );
        }
      }
      if (c.drill.staleAfter !== undefined) {
        const stale = parseCadence(c.drill.staleAfter);
        const staleSeconds = stale.ok
          ? cadenceApproxSeconds(stale.value)
          : undefined;
        if (!stale.ok || staleSeconds === undefined) {
          error(
            [...at, 'drill', 'staleAfter'],
            `${JSON.stringify(
              c.drill.staleAfter,
            )} is not a duration such as "8d" or "1mo"`,
          );
        } else if (cadence !== undefined && staleSeconds < cadence) {
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

  spec.dataTypes?.forEach((d, i) => {
    d.components?.forEach((c, j) => {
      if (!names.has(c)) {
        error(
          ['spec', 'dataTypes', i, 'components', j],
          `names component ${c}, which this plan does not have (${[
            ...names,
          ].join(', ')})`,
        );
      }
    });
    d.scenarios?.forEach((sc, j) => {
      if (!scenarioNames.has(sc)) {
        error(
          ['spec', 'dataTypes', i, 'scenarios', j],
          `names scenario ${sc}, which this plan does not have (${
            [...scenarioNames].join(', ') || 'it has none'
          })`,
        );
      }
    });
    const rpo =
      d.rpo === undefined
        ? undefined
        : parseRecoveryObjective(String(d.rpo), { reason: d.rationale });
    if (rpo?.ok && rpo.value.kind === 'duration' && !d.components?.length) {
      warn(
        ['spec', 'dataTypes', i],
        `(${d.name}) has an RPO but names no components: list the components that hold it to have it judged`,
      );
    }
  });

  spec.components.forEach((c, i) => {
    if (c.drill?.scenario && !scenarioNames.has(c.drill.scenario)) {
      error(
        ['spec', 'components', i, 'drill', 'scenario'],
        `names scenario ${c.drill.scenario}, which this plan does not have (${
          [...scenarioNames].join(', ') || 'it has none'
        })`,
      );
    }
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
    const problem = severityProblem(d.severity, options.severities);
    if (problem) error([...at, 'severity'], problem);
  });
  return problems;
}
