import type { Timestamp } from '../scalars';
import {
  type BackupEvent,
  VERIFICATION_LEVELS,
  type VerificationLevel,
} from './schema';

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
export type BackupJobStatus = {
  job: string;
  /** Its schedule, as people read it (`daily`, `cron 0 1 * * *`). */
  schedule?: string;
  /**
   * `ok`, `overdue` (past when its schedule says the next run is due),
   * `unknown` (nothing reported under its name), `off` (`enabled: false`),
   * or `not-checked` (planned, run by another team, continuous, manual).
   */
  state: 'ok' | 'overdue' | 'unknown' | 'off' | 'not-checked';
  lastSuccessAt?: Timestamp;
  /** When the next good run is due by (with some grace). */
  dueAt?: Timestamp;
};

/**
 * What kind of breach a component's state holds: the kinds a violation
 * record is opened for.
 *
 * @public
 */
export type RecoveryViolationType =
  | 'rpo-breach'
  | 'backup-failed'
  | 'drill-stale'
  | 'drill-failed'
  | 'drill-over-rto'
  | 'verification-below';

/** @public */
export const RECOVERY_VIOLATION_TYPES: RecoveryViolationType[] = [
  'rpo-breach',
  'backup-failed',
  'drill-stale',
  'drill-failed',
  'drill-over-rto',
  'verification-below',
];

/** One breach the judge found, in words. @public */
export type RecoveryFinding = {
  type: RecoveryViolationType;
  /** The reason, as in `reasons`. */
  detail: string;
};

/**
 * The points a component can be restored to: the latest (what a restore now
 * would lose is everything after it) from any of its jobs — a backup's end,
 * a snapshot's start, a WAL archive's last push, a replica's time minus its
 * lag — and the oldest its repositories still hold, when a tool said.
 *
 * @public
 */
export type RecoverableWindow = {
  from?: string;
  to: string;
  /** The job that reaches `to`. */
  job?: string;
};

/** In words: `integrity checked (not a restore)`. @public */
export const VERIFICATION_WORDS: Record<VerificationLevel, string> = {
  none: 'not verified',
  integrity: 'integrity checked (not a restore)',
  restored: 'restored to a scratch target',
  application: "restored and the application's checks passed",
};

/** Whether `level` reaches `required`. @public */
export function meetsVerification(
  level: VerificationLevel,
  required: VerificationLevel,
): boolean {
  return (
    VERIFICATION_LEVELS.indexOf(level) >= VERIFICATION_LEVELS.indexOf(required)
  );
}

/**
 * How well a drill proved its restore: what it said, else a restore (with
 * the data checked when `dataVerified` is true).
 *
 * @public
 */
export function drillVerification(
  event: Pick<BackupEvent, 'verification' | 'dataVerified'>,
): VerificationLevel {
  return (
    event.verification ??
    (event.dataVerified === true ? 'application' : 'restored')
  );
}

/** One component's recovery state, from its plan and what was reported. @public */
export type ComponentRecoveryStatus = {
  component: string;
  state: ComplianceState;
  /** Why, in sentences people read. */
  reasons: string[];
  /** The breaches among the reasons, typed: what violation records are opened for. */
  findings?: RecoveryFinding[];
  backup: {
    state: ComplianceState;
    lastSuccessAt?: Timestamp;
    lastAttemptAt?: Timestamp;
    lastResult?: BackupEvent['result'];
    sizeBytes?: number;
    tool?: string;
    /** Each scheduled job on its own schedule, when the reports name jobs. */
    jobs?: BackupJobStatus[];
    /**
     * Age of the latest point it restores to (the recoverable window's end):
     * what a restore now would lose.
     */
    ageSeconds?: number;
    rpoSeconds?: number;
    window?: RecoverableWindow;
    /** The latest check a backup reported of its own copies (`pgbackrest verify`). */
    verification?: { level: VerificationLevel; at: string };
  };
  drill?: {
    state: ComplianceState;
    lastAt?: Timestamp;
    lastResult?: BackupEvent['result'];
    dataVerified?: boolean;
    restoreSeconds?: number;
    rtoSeconds?: number;
    staleAfterSeconds?: number;
    /** When the drill becomes stale without another: calendar-aware. */
    staleAt?: Timestamp;
    /** How well the last drill proved its restore. */
    verification?: VerificationLevel;
    /** The level the plan requires of a drill for it to count. */
    requiredVerification?: VerificationLevel;
  };
};
