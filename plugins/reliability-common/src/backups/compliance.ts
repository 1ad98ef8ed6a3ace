import {
  formatAge,
  formatDuration,
  parseRecoveryObjective,
} from '../recovery/objective';
import { cadenceSeconds } from '../recovery/checkRecoveryPlan';
import type { RecoveryComponent, RecoveryPlanSpec } from '../recovery/types';
import type { BackupEvent } from './schema';

/**
 * How a component stands against its plan, worst first: `violated` (the last
 * good backup is older than the RPO, or the last drill failed), `stale` (no
 * drill for longer than allowed), `at-risk` (close to the RPO, the last run
 * failed, or a restore took longer than the RTO), `unknown` (nothing
 * reported yet), `ok`, `not-needed` (stateless).
 *
 * @public
 */
export type ComplianceState =
  | 'violated'
  | 'stale'
  | 'at-risk'
  | 'unknown'
  | 'ok'
  | 'not-needed';

/** The order of {@link ComplianceState}, worst first. @public */
export const COMPLIANCE_ORDER: ComplianceState[] = [
  'violated',
  'stale',
  'at-risk',
  'unknown',
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
  };
}

// An objective in seconds, when it is a duration (zero and n/a are not
// something a backup's age can be held against).
function objectiveSeconds(text?: string): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseRecoveryObjective(text);
  return parsed.ok && parsed.value.kind === 'duration'
    ? parsed.value.seconds
    : undefined;
}

const at = (e: BackupEvent) => Date.parse(e.finishedAt ?? e.startedAt);
const latest = (events: BackupEvent[]) =>
  events.reduce<BackupEvent | undefined>(
    (best, e) => (!best || at(e) > at(best) ? e : best),
    undefined,
  );

/**
 * Evaluates one component of a recovery plan against the backup runs and
 * restore drills reported for it, at `now`. Events may have arrived in any
 * order: only their times count.
 *
 * @public
 */
export function evaluateComponent(
  component: RecoveryComponent,
  plan: Pick<RecoveryPlanSpec, 'rpo' | 'rto'>,
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
  const rpoSeconds = objectiveSeconds(component.rpo ?? plan.rpo);
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
  } else {
    backup.state = 'ok';
  }

  // Restore drills.
  let drill: ComponentRecoveryStatus['drill'];
  if (component.drill) {
    const cadence = cadenceSeconds(component.drill.cadence);
    // Stale after `staleAfter`, or a day past the cadence when not given.
    let staleAfterSeconds: number | undefined;
    if (component.drill.staleAfter) {
      staleAfterSeconds = cadenceSeconds(component.drill.staleAfter);
    } else if (cadence !== undefined) {
      staleAfterSeconds = cadence + 86400;
    }
    const rtoSeconds = objectiveSeconds(component.rto ?? plan.rto);
    const last = latest(
      events.filter(e => e.type === 'drill' && e.result !== 'running'),
    );
    drill = {
      state: 'unknown',
      ...(staleAfterSeconds !== undefined ? { staleAfterSeconds } : {}),
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
    } else if (
      staleAfterSeconds !== undefined &&
      (now.getTime() - at(last)) / 1000 > staleAfterSeconds
    ) {
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
        )}, longer than the RTO of ${formatDuration(rtoSeconds)}`,
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
