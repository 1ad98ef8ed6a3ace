import {
  formatAge,
  formatDuration,
  parseRecoveryObjective,
  type RecoveryObjective,
} from '../recovery/objective';
import { formatCadence, nextDue, parseCadence } from '../recovery/cadence';
import { everyBackupSwitchedOff } from '../recovery/checkRecoveryPlan';
import type { RecoveryComponent, RecoveryPlanSpec } from '../recovery/types';
import type { BackupEvent } from './schema';

/**
 * How a component stands against its plan, worst first: `violated` (the last
 * good backup is older than the RPO, or the last drill failed), `stale` (no
 * drill for longer than allowed), `at-risk` (close to the RPO, the last run
 * failed, or a restore took longer than the RTO), `unknown` (nothing
 * reported yet), `unchecked` (reported, but the plan states nothing to check
 * it against: an RPO of "Near-zero", drills "regularly"), `ok`, `not-needed`
 * (stateless, or nothing is kept).
 *
 * @public
 */
export type ComplianceState =
  | 'violated'
  | 'stale'
  | 'at-risk'
  | 'unknown'
  | 'unchecked'
  | 'ok'
  | 'not-needed';

/** The order of {@link ComplianceState}, worst first. @public */
export const COMPLIANCE_ORDER: ComplianceState[] = [
  'violated',
  'stale',
  'at-risk',
  'unknown',
  'unchecked',
  'ok',
  'not-needed',
];

/** @public */
export function worstState(states: ComplianceState[]): ComplianceState {
  return (
    COMPLIANCE_ORDER.find(s => states.includes(s)) ??
    ('not-needed' as ComplianceState)
  );
}

/** How one scheduled backup job of a component stands. @public */
export interface BackupJobStatus {
  job: string;
  /** Its schedule, as people read it (`daily`, `cron 0 1 * * *`). */
  schedule?: string;
  /**
   * `ok`, `overdue` (past when its schedule says the next run is due),
   * `unknown` (nothing reported under its name), `off` (`enabled: false`),
   * or `not-checked` (planned, run by another team, continuous, manual).
   */
  state: 'ok' | 'overdue' | 'unknown' | 'off' | 'not-checked';
  lastSuccessAt?: string;
  /** When the next good run is due by (with some grace). */
  dueAt?: string;
}

/** One component's recovery state, from its plan and what was reported. @public */
export interface ComponentRecoveryStatus {
  component: string;
  state: ComplianceState;
  /** Why, in sentences people read. */
  reasons: string[];
  backup: {
    state: ComplianceState;
    lastSuccessAt?: string;
    lastAttemptAt?: string;
    lastResult?: BackupEvent['result'];
    sizeBytes?: number;
    tool?: string;
    /** Each scheduled job on its own schedule, when the reports name jobs. */
    jobs?: BackupJobStatus[];
    /** Age of the last good backup. */
    ageSeconds?: number;
    rpoSeconds?: number;
  };
  drill?: {
    state: ComplianceState;
    lastAt?: string;
    lastResult?: BackupEvent['result'];
    dataVerified?: boolean;
    restoreSeconds?: number;
    rtoSeconds?: number;
    staleAfterSeconds?: number;
    /** When the drill becomes stale without another: calendar-aware. */
    staleAt?: string;
  };
}

// An objective read, when it is one (what fails to read was reported when
// the plan was indexed).
function objectiveOf(text?: string): RecoveryObjective | undefined {
  if (text === undefined) return undefined;
  const parsed = parseRecoveryObjective(text);
  return parsed.ok ? parsed.value : undefined;
}

// An objective in seconds, when it is a duration (zero and n/a are not
// something a backup's age can be held against).
function objectiveSeconds(value?: RecoveryObjective): number | undefined {
  return value?.kind === 'duration' ? value.seconds : undefined;
}

const at = (e: BackupEvent) => Date.parse(e.finishedAt ?? e.startedAt);
const latest = (events: BackupEvent[]) =>
  events.reduce<BackupEvent | undefined>(
    (best, e) => (!best || at(e) > at(best) ? e : best),
    undefined,
  );

// How long past due a run may finish before its job counts as overdue:
// a quarter of its period, at least an hour, at most a day.
const graceOf = (periodMs: number) =>
  Math.min(86400_000, Math.max(3600_000, periodMs / 4));

function judgeJobs(
  component: RecoveryComponent,
  backups: BackupEvent[],
  now: Date,
): BackupJobStatus[] {
  const jobs = component.backups ?? [];
  // Only when the reports name the plan's jobs: a reporter that names none
  // is judged by the RPO alone.
  const names = new Set(jobs.map(j => j.name));
  if (!backups.some(e => e.job && names.has(e.job))) return [];
  return jobs.map((job): BackupJobStatus => {
    const parsed = job.schedule ? parseCadence(job.schedule) : undefined;
    const schedule = parsed?.ok ? formatCadence(parsed.value) : job.schedule;
    const base = { job: job.name, ...(schedule ? { schedule } : {}) };
    if (job.enabled === false) return { ...base, state: 'off' };
    if (job.state === 'planned' || job.state === 'external' || !parsed?.ok) {
      return { ...base, state: 'not-checked' };
    }
    const ofJob = backups.filter(e => e.job === job.name);
    const good = latest(
      ofJob.filter(e => e.result === 'success' && e.finishedAt),
    );
    if (!good) {
      return { ...base, state: ofJob.length ? 'overdue' : 'unknown' };
    }
    const lastSuccessAt = good.finishedAt!;
    const due = nextDue(parsed.value, new Date(at(good)));
    if (!due) return { ...base, state: 'not-checked', lastSuccessAt };
    const dueAt = new Date(
      due.getTime() + graceOf(due.getTime() - at(good)),
    ).toISOString();
    return {
      ...base,
      state: now.getTime() > Date.parse(dueAt) ? 'overdue' : 'ok',
      lastSuccessAt,
      dueAt,
    };
  });
}

/**
 * Evaluates one component of a recovery plan against the backup runs and
 * restore drills reported for it, at `now`. Events may have arrived in any
 * order: only their times count.
 *
 * @public
 */
export function evaluateComponent(
  component: RecoveryComponent,
  plan: Pick<RecoveryPlanSpec, 'rpo' | 'rto' | 'scenarios'>,
  events: BackupEvent[],
  now: Date = new Date(),
): ComponentRecoveryStatus {
  const reasons: string[] = [];
  const ago = (iso: string) =>
    formatAge(
      Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000)),
    );

  // Backups.
  const backups = events.filter(e => e.type === 'backup');
  const lastAttempt = latest(backups);
  const lastGood = latest(
    backups.filter(e => e.result === 'success' && e.finishedAt),
  );
  const rpoText = component.rpo ?? plan.rpo;
  const rpo = objectiveOf(rpoText);
  const rpoSeconds = objectiveSeconds(rpo);
  const backup: ComponentRecoveryStatus['backup'] = {
    state: 'unknown',
    ...(lastGood
      ? {
          lastSuccessAt: lastGood.finishedAt,
          sizeBytes: lastGood.sizeBytes,
          tool: lastGood.tool,
          ageSeconds: Math.max(
            0,
            Math.round((now.getTime() - at(lastGood)) / 1000),
          ),
        }
      : {}),
    ...(lastAttempt
      ? { lastAttemptAt: lastAttempt.startedAt, lastResult: lastAttempt.result }
      : {}),
    ...(rpoSeconds !== undefined ? { rpoSeconds } : {}),
  };
  if (component.stateless) {
    backup.state = 'not-needed';
  } else if (rpo?.kind === 'not-kept') {
    backup.state = 'not-needed';
    reasons.push(
      `nothing is kept${
        rpo.reason ? ` (${rpo.reason})` : ''
      }: no backup is needed`,
    );
  } else if (!lastGood && everyBackupSwitchedOff(component)) {
    backup.state = 'violated';
    reasons.push(
      `every backup job is switched off (enabled: false: ${component
        .backups!.map(b => b.name)
        .join(', ')}), and no backup is reported`,
    );
  } else if (!lastGood) {
    backup.state = 'unknown';
    reasons.push(
      lastAttempt
        ? `no good backup reported; the last run (${ago(
            lastAttempt.startedAt,
          )} ago) ${
            lastAttempt.result === 'running' ? 'is still running' : 'failed'
          }`
        : 'no backup reported yet',
    );
  } else if (rpoSeconds !== undefined && backup.ageSeconds! > rpoSeconds) {
    backup.state = 'violated';
    reasons.push(
      `the last good backup is ${formatAge(
        backup.ageSeconds!,
      )} old, older than the RPO of ${formatDuration(rpoSeconds)}`,
    );
  } else if (lastAttempt?.result === 'failure') {
    backup.state = 'at-risk';
    reasons.push(
      `the last backup run failed ${ago(lastAttempt.startedAt)} ago`,
    );
  } else if (
    rpoSeconds !== undefined &&
    backup.ageSeconds! > 0.75 * rpoSeconds
  ) {
    backup.state = 'at-risk';
    reasons.push(
      `the last good backup is ${formatAge(
        backup.ageSeconds!,
      )} old, close to the RPO of ${formatDuration(rpoSeconds)}`,
    );
  } else if (rpo?.kind === 'qualitative') {
    backup.state = 'unchecked';
    reasons.push(
      `the RPO ${JSON.stringify(
        rpoText,
      )} is not a time: the last good backup (${formatAge(
        backup.ageSeconds!,
      )} old) is not checked against it`,
    );
  } else {
    backup.state = 'ok';
  }

  // Each scheduled job on its own schedule: a daily full that stopped is
  // at risk even while the WAL archive keeps the RPO (a restore would have
  // to replay days of WAL).
  const jobs = judgeJobs(component, backups, now);
  // (A component already violated by its RPO says so once, not again per job.)
  const judgedByJobs = ['ok', 'unchecked', 'at-risk'].includes(backup.state);
  for (const job of jobs.filter(j => judgedByJobs && j.state === 'overdue')) {
    backup.state = 'at-risk';
    reasons.push(
      job.lastSuccessAt
        ? `the ${job.job} job last succeeded ${ago(
            job.lastSuccessAt,
          )} ago; it runs ${job.schedule}`
        : `the ${job.job} job has not succeeded since it was first reported; it runs ${job.schedule}`,
    );
  }
  if (jobs.length > 0) backup.jobs = jobs;

  // Restore drills.
  let drill: ComponentRecoveryStatus['drill'];
  if (component.drill) {
    const parsedCadence = parseCadence(component.drill.cadence);
    const cadence = parsedCadence.ok ? parsedCadence.value : undefined;
    const parsedStale =
      component.drill.staleAfter !== undefined
        ? parseCadence(component.drill.staleAfter)
        : undefined;
    const staleAfter = parsedStale?.ok ? parsedStale.value : undefined;
    // A drill that exercises a scenario is held to that scenario's RTO.
    const scenario = component.drill.scenario
      ? plan.scenarios?.find(s => s.name === component.drill!.scenario)
      : undefined;
    const rtoText = scenario?.rto ?? component.rto ?? plan.rto;
    const rtoOf = scenario?.rto ? ` (scenario ${scenario.name})` : '';
    const rto = objectiveOf(rtoText);
    const rtoSeconds = objectiveSeconds(rto);
    const last = latest(
      events.filter(e => e.type === 'drill' && e.result !== 'running'),
    );
    // Stale after `staleAfter` past the last drill, or a day past when the
    // next was due (calendar-aware: monthly is the same day next month).
    let dueBy: Date | undefined;
    if (last) {
      const lastAt = new Date(at(last));
      if (staleAfter) dueBy = nextDue(staleAfter, lastAt);
      else if (cadence) {
        const due = nextDue(cadence, lastAt);
        dueBy = due && new Date(due.getTime() + 86400_000);
      }
    }
    let staleAfterSeconds: number | undefined;
    if (staleAfter?.kind === 'interval') staleAfterSeconds = staleAfter.seconds;
    else if (!staleAfter && cadence?.kind === 'interval') {
      staleAfterSeconds = cadence.seconds + 86400;
    }
    drill = {
      state: 'unknown',
      ...(staleAfterSeconds !== undefined ? { staleAfterSeconds } : {}),
      ...(dueBy ? { staleAt: dueBy.toISOString() } : {}),
      ...(rtoSeconds !== undefined ? { rtoSeconds } : {}),
      ...(last
        ? {
            lastAt: last.finishedAt ?? last.startedAt,
            lastResult: last.result,
            dataVerified: last.dataVerified,
            restoreSeconds: last.restoreSeconds,
          }
        : {}),
    };
    if (!last) {
      reasons.push('no restore drill reported yet');
    } else if (dueBy && now.getTime() > dueBy.getTime()) {
      drill.state = 'stale';
      reasons.push(
        `the last restore drill was ${ago(
          drill.lastAt!,
        )} ago; drills are due every ${component.drill.cadence}`,
      );
    } else if (last.result === 'failure' || last.dataVerified === false) {
      drill.state = 'violated';
      reasons.push(
        last.result === 'failure'
          ? 'the last restore drill failed'
          : 'the last restore drill restored data that did not check out',
      );
    } else if (
      rtoSeconds !== undefined &&
      last.restoreSeconds !== undefined &&
      last.restoreSeconds > rtoSeconds
    ) {
      drill.state = 'at-risk';
      reasons.push(
        `the last restore took ${formatDuration(
          Math.round(last.restoreSeconds),
        )}, longer than the RTO of ${formatDuration(rtoSeconds)}${rtoOf}`,
      );
    } else if (!dueBy && !staleAfter) {
      drill.state = 'unchecked';
      reasons.push(
        `restore drills are "${component.drill.cadence}": there is no cadence to check them against`,
      );
    } else if (
      rto?.kind === 'qualitative' &&
      last.restoreSeconds !== undefined
    ) {
      drill.state = 'unchecked';
      reasons.push(
        `the RTO ${JSON.stringify(
          rtoText,
        )} is not a time: the last restore (${formatDuration(
          Math.round(last.restoreSeconds),
        )}) is not checked against it`,
      );
    } else {
      drill.state = 'ok';
    }
  }

  return {
    component: component.name,
    state: worstState([backup.state, ...(drill ? [drill.state] : [])]),
    reasons,
    backup,
    ...(drill ? { drill } : {}),
  };
}
