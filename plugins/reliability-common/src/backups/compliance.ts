import {
  formatAge,
  formatDuration,
  parseRecoveryObjective,
  type RecoveryObjective,
} from '../recovery/objective';
import { formatCadence, nextDue, parseCadence } from '../recovery/cadence';
import { everyBackupSwitchedOff } from '../recovery/checkRecoveryPlan';
import type {
  DataTypeRecoveryStatus,
  RecoveryComponent,
  RecoveryDataType,
  RecoveryPlanSpec,
} from '../recovery/types';
import {
  type ComplianceState,
  worstState,
  type BackupJobStatus,
  type RecoveryViolationType,
  type RecoveryFinding,
  type RecoverableWindow,
  VERIFICATION_WORDS,
  meetsVerification,
  drillVerification,
  type ComponentRecoveryStatus,
} from './status';
import type { BackupEvent } from './schema';

// An objective read, when it is one (what fails to read was reported when
// the plan was indexed).
function objectiveOf(
  text?: string,
  reason?: string,
): RecoveryObjective | undefined {
  if (text === undefined) return undefined;
  const parsed = parseRecoveryObjective(String(text), { reason });
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

// The point a good backup restores to.
const pointOf = (e: BackupEvent) =>
  Date.parse(e.restorableTo ?? e.finishedAt ?? e.startedAt);

/** The good backup that restores furthest. */
const furthest = (good: BackupEvent[]) =>
  good.reduce<BackupEvent | undefined>(
    (best, e) => (!best || pointOf(e) > pointOf(best) ? e : best),
    undefined,
  );

/** The recoverable window of a component's good backups. */
function windowOf(good: BackupEvent[]): RecoverableWindow | undefined {
  const latestPoint = furthest(good);
  if (!latestPoint) return undefined;
  // Retention as the newest report that states it.
  const withFrom = latest(good.filter(e => e.restorableFrom));
  return {
    to: new Date(pointOf(latestPoint)).toISOString(),
    ...(withFrom ? { from: withFrom.restorableFrom } : {}),
    ...(latestPoint.job ? { job: latestPoint.job } : {}),
  };
}

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
  const findings: RecoveryFinding[] = [];
  // A reason that is a breach: a violation record is opened for it.
  const breach = (type: RecoveryViolationType, detail: string) => {
    reasons.push(detail);
    findings.push({ type, detail });
  };
  const ago = (iso: string) =>
    formatAge(
      Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000)),
    );

  // Backups.
  const backups = events.filter(e => e.type === 'backup');
  // The last run, leaving out continuous jobs (a WAL archive's pushes): a
  // push after a failed backup does not hide the failure.
  const continuous = new Set(
    (component.backups ?? [])
      .filter(j => {
        const parsed = j.schedule ? parseCadence(j.schedule) : undefined;
        return parsed?.ok && parsed.value.kind === 'continuous';
      })
      .map(j => j.name),
  );
  const lastAttempt =
    latest(backups.filter(e => !e.job || !continuous.has(e.job))) ??
    latest(backups);
  const goodBackups = backups.filter(
    e => e.result === 'success' && e.finishedAt,
  );
  const lastGood = latest(goodBackups);
  const window = windowOf(goodBackups);
  const checked = latest(backups.filter(e => e.verification));
  const rpoText = component.rpo ?? plan.rpo;
  const rpo = objectiveOf(rpoText);
  const rpoSeconds = objectiveSeconds(rpo);
  const backup: ComponentRecoveryStatus['backup'] = {
    state: 'unknown',
    ...(lastGood && window
      ? {
          lastSuccessAt: lastGood.finishedAt,
          sizeBytes: lastGood.sizeBytes,
          tool: lastGood.tool,
          ageSeconds: Math.max(
            0,
            Math.round((now.getTime() - Date.parse(window.to)) / 1000),
          ),
          window,
        }
      : {}),
    ...(checked
      ? {
          verification: {
            level: checked.verification!,
            at: checked.finishedAt ?? checked.startedAt,
          },
        }
      : {}),
    ...(lastAttempt
      ? { lastAttemptAt: lastAttempt.startedAt, lastResult: lastAttempt.result }
      : {}),
    ...(rpoSeconds !== undefined ? { rpoSeconds } : {}),
  };
  // The latest point, in words: the last good backup, or what reaches
  // further than a backup does (a WAL archive's last push, a replica).
  const pointJob = (component.backups ?? []).find(j => j.name === window?.job);
  const pointSchedule = pointJob?.schedule
    ? parseCadence(pointJob.schedule)
    : undefined;
  const latestPoint =
    window &&
    (furthest(goodBackups) !== lastGood ||
      (pointSchedule?.ok && pointSchedule.value.kind === 'continuous'))
      ? `the latest point it restores to (${
          window.job ? `the ${window.job} job` : 'a reported copy'
        }) is`
      : 'the last good backup is';
  const activeJobs = (component.backups ?? []).filter(j => j.enabled !== false);
  const othersOnly =
    activeJobs.length > 0 &&
    activeJobs.every(j => j.state === 'external' || j.state === 'planned');
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
    breach(
      'backup-failed',
      `every backup job is switched off (enabled: false: ${component
        .backups!.map(b => b.name)
        .join(', ')}), and no backup is reported`,
    );
  } else if (!lastGood && othersOnly) {
    backup.state = 'unchecked';
    reasons.push(
      `backed up by ${activeJobs
        .map(j =>
          j.state === 'planned'
            ? `the planned job ${j.name}`
            : `another team (${j.name}${j.tool ? `, ${j.tool}` : ''})`,
        )
        .join(' and ')}; nothing is reported here: report its runs to check it`,
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
    breach(
      'rpo-breach',
      `${latestPoint} ${formatAge(
        backup.ageSeconds!,
      )} old, older than the RPO of ${formatDuration(rpoSeconds)}`,
    );
  } else if (lastAttempt?.result === 'failure') {
    backup.state = 'at-risk';
    breach(
      'backup-failed',
      `the last backup run failed ${ago(lastAttempt.startedAt)} ago`,
    );
  } else if (
    rpoSeconds !== undefined &&
    backup.ageSeconds! > 0.75 * rpoSeconds
  ) {
    backup.state = 'at-risk';
    reasons.push(
      `${latestPoint} ${formatAge(
        backup.ageSeconds!,
      )} old, close to the RPO of ${formatDuration(rpoSeconds)}`,
    );
  } else if (rpo?.kind === 'qualitative') {
    backup.state = 'unchecked';
    reasons.push(
      `the RPO ${JSON.stringify(
        rpoText,
      )} is not a time: the latest point it restores to (${formatAge(
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
    breach(
      'backup-failed',
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
    const drills = events.filter(
      e => e.type === 'drill' && e.result !== 'running',
    );
    // A drill below the level the plan requires does not count (a failed
    // one always does): an integrity check is not a restore.
    const required = component.drill.requiredVerification;
    const counts = (e: BackupEvent) =>
      !required ||
      e.result === 'failure' ||
      meetsVerification(drillVerification(e), required);
    const last = latest(drills.filter(counts));
    const lastAny = latest(drills);
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
      ...(required ? { requiredVerification: required } : {}),
      ...(last
        ? {
            lastAt: last.finishedAt ?? last.startedAt,
            lastResult: last.result,
            dataVerified: last.dataVerified,
            restoreSeconds: last.restoreSeconds,
            verification: drillVerification(last),
          }
        : {}),
    };
    const below = (e: BackupEvent) =>
      `the last restore drill (${ago(e.finishedAt ?? e.startedAt)} ago) was ${
        VERIFICATION_WORDS[drillVerification(e)]
      }; the plan requires ${VERIFICATION_WORDS[required!]}`;
    if (lastAny && lastAny !== last && !counts(lastAny)) {
      if (!last) {
        drill.state = 'violated';
        drill.verification = drillVerification(lastAny);
        breach(
          'verification-below',
          `${below(lastAny)}, and no drill has reached it`,
        );
      } else {
        reasons.push(`${below(lastAny)}: judged by the last drill that did`);
      }
    }
    if (!last) {
      if (!lastAny) reasons.push('no restore drill reported yet');
    } else if (dueBy && now.getTime() > dueBy.getTime()) {
      drill.state = 'stale';
      breach(
        'drill-stale',
        `the last restore drill was ${ago(
          drill.lastAt!,
        )} ago; drills are due every ${component.drill.cadence}`,
      );
    } else if (last.result === 'failure' || last.dataVerified === false) {
      drill.state = 'violated';
      breach(
        'drill-failed',
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
      breach(
        'drill-over-rto',
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
    ...(findings.length ? { findings } : {}),
    backup,
    ...(drill ? { drill } : {}),
  };
}

/**
 * Each data type of a plan against the recoverable windows of the
 * components that hold it: restorable only to the earliest of their latest
 * points (a restore brings back all of them), held to the data type's RPO.
 *
 * @public
 */
export function evaluateDataTypes(
  dataTypes: RecoveryDataType[],
  components: ComponentRecoveryStatus[],
  now: Date = new Date(),
): DataTypeRecoveryStatus[] {
  return dataTypes.map((d): DataTypeRecoveryStatus => {
    const base = { dataType: d.name };
    const rpo = objectiveOf(d.rpo, d.rationale);
    if (rpo?.kind === 'not-kept' || rpo?.kind === 'not-applicable') {
      const why = rpo.reason ? ` (${rpo.reason})` : '';
      return {
        ...base,
        state: 'not-needed',
        reasons: [
          rpo.kind === 'not-kept'
            ? `nothing is kept${why}`
            : `no RPO applies${why}`,
        ],
      };
    }
    const held = (d.components ?? []).map(name => ({
      name,
      status: components.find(c => c.component === name),
    }));
    if (held.length === 0) {
      return {
        ...base,
        state: 'unchecked',
        reasons: ['names no component that holds it'],
      };
    }
    const missing = held.filter(h => !h.status?.backup.window);
    if (missing.length > 0) {
      return {
        ...base,
        state: 'unknown',
        reasons: [
          `nothing restorable reported for ${missing
            .map(m => m.name)
            .join(', ')}`,
        ],
      };
    }
    const earliest = held.reduce((a, b) =>
      Date.parse(b.status!.backup.window!.to) <
      Date.parse(a.status!.backup.window!.to)
        ? b
        : a,
    );
    const window = earliest.status!.backup.window!;
    const froms = held.flatMap(h =>
      h.status!.backup.window!.from ? [h.status!.backup.window!.from] : [],
    );
    const joint: RecoverableWindow = {
      to: window.to,
      // The latest of the oldest points: all of them reach back only so far.
      ...(froms.length === held.length ? { from: froms.sort().pop() } : {}),
    };
    const age = Math.max(
      0,
      Math.round((now.getTime() - Date.parse(window.to)) / 1000),
    );
    const seconds = objectiveSeconds(rpo);
    const withRpo = seconds !== undefined ? { rpoSeconds: seconds } : {};
    const where = `${earliest.name} restores to ${formatAge(age)} ago`;
    if (seconds === undefined) {
      return {
        ...base,
        state: 'unchecked',
        window: joint,
        reasons: [
          d.rpo === undefined
            ? `states no RPO; ${where}`
            : `the RPO ${JSON.stringify(d.rpo)} is not a time; ${where}`,
        ],
      };
    }
    let state: ComplianceState = 'ok';
    if (age > seconds) state = 'violated';
    else if (age > 0.75 * seconds) state = 'at-risk';
    return {
      ...base,
      state,
      window: joint,
      ...withRpo,
      reasons:
        state === 'ok'
          ? []
          : [
              `${where}, ${
                state === 'violated' ? 'older than' : 'close to'
              } its RPO of ${formatDuration(seconds)}`,
            ],
    };
  });
}
