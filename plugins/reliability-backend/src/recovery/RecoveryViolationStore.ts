import type {
  ComponentRecoveryStatus,
  RecoveryPlanDetails,
  RecoveryViolation,
} from '@reliability-suite/plugin-reliability-common';
import type { PlanKey } from './RecoveryStateStore';

/** Which violations a list holds. */
export type ViolationFilter = {
  state?: 'open' | 'resolved' | 'all';
  plan?: PlanKey;
  component?: string;
};

/** The plan a reconciliation is about. */
export type ReconciledPlan = Pick<
  RecoveryPlanDetails,
  'namespace' | 'name' | 'entityRefs'
> & { document: RecoveryPlanDetails['document'] };

/**
 * Violations of recovery plans, as records: opened, kept current and
 * resolved by the scheduled evaluation (`reconcile`), acknowledged by
 * people, with when the owners were notified and reminded. Implemented by
 * `DatabaseRecoveryViolationStore`.
 */
export interface RecoveryViolationStore {
  /**
   * Brings one plan's open violations in line with its components' findings
   * now: a new finding opens a violation (once, however many instances
   * evaluate), one still found is kept current, one no longer found — or of
   * a component the plan no longer has — is resolved.
   */
  reconcile(
    plan: ReconciledPlan,
    statuses: ComponentRecoveryStatus[],
    now: Date,
  ): Promise<{ opened: RecoveryViolation[]; resolved: RecoveryViolation[] }>;
  list(filter?: ViolationFilter): Promise<RecoveryViolation[]>;
  /** The violation; a NotFoundError when there is none. */
  get(id: number): Promise<RecoveryViolation>;
  /** Who, why, until when; a resolved violation cannot be acknowledged. */
  acknowledge(
    id: number,
    ack: { by: string; reason: string; until?: Date },
    now: Date,
  ): Promise<RecoveryViolation>;
  markNotified(id: number, at: Date): Promise<void>;
  /**
   * Open violations whose owners are due a reminder: not acknowledged (or
   * acknowledged until a time now past), told last longer than `every` ago.
   */
  dueReminders(now: Date, everyMs: number): Promise<RecoveryViolation[]>;
  markReminded(id: number, at: Date): Promise<void>;
}
