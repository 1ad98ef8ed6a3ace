import type { Timestamp } from '../scalars';
import type { RecoveryViolation } from '../recovery/violations';
import type { BackupEvent } from './schema';
import type { ComplianceState } from './status';

/** A change of a component's recovery state, as the scheduled evaluation saw it. @public */
export type RecoveryTransition = {
  /** Absent the first time the component was evaluated. */
  from?: ComplianceState;
  to: ComplianceState;
  at: string;
  reasons: string[];
  /** Whether the owner was told (on becoming violated or stale). */
  notified?: boolean;
};

/** One component's history: what was reported, and how its state changed. @public */
export type ComponentRecoveryHistory = {
  component: string;
  /** Backup runs and restore drills, newest first (bounded). */
  events: BackupEvent[];
  transitions: RecoveryTransition[];
  /** Its violations, newest first: open and resolved. */
  violations?: RecoveryViolation[];
};

/** `GET /recovery-plans/{namespace}/{name}/history`. @public */
export type RecoveryPlanHistory = {
  components: ComponentRecoveryHistory[];
};

/** A point of the backup-age trend. @public */
export type BackupAgePoint = {
  /** Epoch milliseconds. */
  at: number;
  /** How old the newest good backup was then. */
  ageSeconds: number;
};

/**
 * How old the newest good backup was over time — a sawtooth: it grows until
 * a good backup finishes and drops to zero then; the last point is `now`.
 * What the Backups & recovery card charts against the RPO.
 *
 * @public
 */
export function backupAgeSeries(
  events: BackupEvent[],
  now: Date = new Date(),
): BackupAgePoint[] {
  const good = events
    .filter(e => e.type === 'backup' && e.result === 'success' && e.finishedAt)
    .map(e => Date.parse(e.finishedAt!))
    .sort((a, b) => a - b);
  const points: BackupAgePoint[] = [];
  for (const [i, at] of good.entries()) {
    if (i > 0) points.push({ at, ageSeconds: (at - good[i - 1]) / 1000 });
    points.push({ at, ageSeconds: 0 });
  }
  if (good.length > 0) {
    points.push({
      at: now.getTime(),
      ageSeconds: Math.max(0, (now.getTime() - good[good.length - 1]) / 1000),
    });
  }
  return points;
}

/** One entity's recovery facts, for scorecards (`GET /facts/recovery`). @public */
export type EntityRecoveryFacts = {
  entityRef: string;
  /** The worst state of the components that cover it. */
  state: ComplianceState;
  /** The plans that cover it, `namespace/name`. */
  plans: string[];
  components: Record<ComplianceState, number>;
  /** Age of the oldest "last good backup" among its components. */
  maxBackupAgeSeconds?: number;
  /** The oldest "last drill" among its drilled components. */
  oldestDrillAt?: Timestamp;
  reasons: string[];
};

/** @public */
export type RecoveryFacts = {
  generatedAt: Timestamp;
  items: EntityRecoveryFacts[];
};
