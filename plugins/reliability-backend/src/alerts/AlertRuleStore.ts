import type {
  AlertCoverageDay,
  AlertRule,
  AlertRuleSourceState,
} from '@reliability-suite/plugin-reliability-common';

/** A rule source's last good rules. */
export type StoredRules = { source: string; rules: AlertRule[] };

/**
 * Each alert rule source's last read and its last good rules. Implemented
 * by `DatabaseAlertRuleStore`.
 */
export interface AlertRuleStore {
  /**
   * A read that worked: its rules replace the source's. `about` names the
   * entity and folder of a runbook folder's rule files.
   */
  recordRules(
    id: string,
    rules: AlertRule[],
    at: Date,
    about?: { entityRef?: string; target?: string },
  ): Promise<void>;
  /** A read that failed: the rules are kept; the error and time are noted. */
  recordFailure(id: string, error: string, at: Date): Promise<void>;
  /** The state of each source named, in that order. */
  sourceStates(ids: string[]): Promise<AlertRuleSourceState[]>;
  /** The last good rules of each source named that has any. */
  rules(ids: string[]): Promise<StoredRules[]>;
  /** The ids of the sources stored that start with `prefix`, sorted. */
  sourceIds(prefix: string): Promise<string[]>;
  /** Forgets these sources, their state and their rules. */
  forget(ids: string[]): Promise<void>;
  /** A day's coverage by owner (a later snapshot of the day replaces it). */
  recordCoverageDay(days: AlertCoverageDay[]): Promise<void>;
  /** Coverage by day and owner since `day` (`YYYY-MM-DD`), oldest first. */
  coverageDays(since: string, owner?: string): Promise<AlertCoverageDay[]>;
}
