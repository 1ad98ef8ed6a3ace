import type {
  ComponentRecoveryStatus,
  RecoveryTransition,
} from '@reliability-suite/plugin-reliability-common';

export type PlanKey = { namespace: string; name: string };

/** A change of a component's state, as the evaluation found it. */
export type StoredTransition = RecoveryTransition & {
  id: number;
  plan: PlanKey;
  component: string;
};

/**
 * Each recovery plan component's state at the last evaluation, and every
 * change of it (the newest kept): how the suite tells that a component has
 * just become violated or stale — and notifies its owner once — and what the
 * trend of a component shows. Implemented by `DatabaseRecoveryStateStore`.
 */
export interface RecoveryStateStore {
  /**
   * Records the components' states now; returns the changes (a component
   * seen for the first time is a change from nothing), each recorded once
   * however many evaluations run at once.
   */
  record(
    plan: PlanKey,
    statuses: ComponentRecoveryStatus[],
    now: Date,
  ): Promise<StoredTransition[]>;
  markNotified(id: number): Promise<void>;
  /** A plan's changes, newest first, `limit` per component. */
  listTransitions(
    plan: PlanKey,
    limit?: number,
  ): Promise<Map<string, RecoveryTransition[]>>;
  /** Keeps the newest `maxPerComponent` changes of each component. */
  prune(maxPerComponent: number): Promise<number>;
}
