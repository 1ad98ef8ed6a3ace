import type {
  BackupEvent,
  BackupSourceState,
} from '@reliability-suite/plugin-reliability-common';

/** Where an event belongs: a component of a recovery plan. */
export type EventTarget = {
  planNamespace: string;
  planName: string;
  component: string;
};

/** What one pass of a backup source did: it read, or it failed. */
export type BackupSourcePass =
  | {
      at: Date;
      ok: true;
      events: number;
      accepted: number;
      /** What was set aside, if anything. */
      error?: string;
      notes: string[];
    }
  | { at: Date; ok: false; error: string };

export type { BackupSourceState };

type PlanKey = { namespace: string; name: string };

/**
 * Backup runs and restore drills as reported, and each backup source's last
 * pass. How they are kept is the implementation's business
 * (`DatabaseBackupEventStore`).
 */
export interface BackupEventStore {
  /**
   * Stores the events that are new, all in one transaction. An event's id is
   * the reporter's own, so it is scoped to the entity and to its source, the
   * reporter: the same id from another reporter, or about another entity,
   * is another event. The same id again is a retry and changes nothing; a
   * `running` event reported again finished is completed; the same id with
   * other content is a conflict, and nothing of the batch is stored.
   */
  add(
    events: Array<{ event: BackupEvent; target: EventTarget }>,
    options: { reportedBy: string; at: Date },
  ): Promise<{ accepted: number; duplicates: number }>;
  /**
   * The events of one plan's components, newest first, at most
   * `perComponent` of each type and job per component.
   */
  listForPlan(
    plan: PlanKey,
    options?: { perComponent?: number },
  ): Promise<Map<string, BackupEvent[]>>;
  /** Every event of one plan that started in `[from, until)`, oldest first. */
  listInPeriod(plan: PlanKey, from: Date, until: Date): Promise<BackupEvent[]>;
  /**
   * Keeps the newest `maxPerComponent` events of each type and job per
   * component; returns how many were deleted.
   */
  prune(maxPerComponent: number): Promise<number>;
  /** Keeps a source's last pass (a failed pass keeps the last success's time). */
  recordSourcePass(id: string, pass: BackupSourcePass): Promise<void>;
  /** The last pass of each source named, in that order. */
  sourceStates(ids: string[]): Promise<BackupSourceState[]>;
}
