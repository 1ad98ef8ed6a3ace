import type {
  PageRequest,
  RecoveryPlanDetails,
  RunbookDetails,
  RunbookDocument,
  RunbookLocationState,
  RunbookProblem,
  RunbookSummary,
} from '@reliability-suite/plugin-reliability-common';

import type { IndexedRecoveryPlan } from '../recovery/recoveryPlanIndex';

/** A location as the indexer knows it. */
export interface RunbookLocation {
  id: string;
  source: 'entity' | 'config';
  target: string;
  entityRef?: string;
}

/** A runbook read in an index pass, ready to store. */
export interface IndexedRunbook {
  document: RunbookDocument;
  /** The file's URL (or path) and the line its document starts on. */
  sourceUrl: string;
  sourceLine: number;
}

/** The outcome of reading a location successfully. */
export interface LocationIndexResult {
  runbooks: IndexedRunbook[];
  /** The recovery plans of the same files. */
  recoveryPlans?: IndexedRecoveryPlan[];
  problems: RunbookProblem[];
  /**
   * Files whose latest copy could not be read or had errors: the runbooks
   * last read from them are kept (marked stale) instead of being dropped.
   */
  failedFiles: string[];
  etag?: string;
  revision?: string;
  at: Date;
  /**
   * The files read again, when only they were: the rows of the location's
   * other files stay as they are. Without it, the result is the whole
   * location and replaces all it held.
   */
  files?: string[];
  /**
   * What each file read holds (its blob id or digest), remembered so that
   * the next pass reads only files whose hash differs; a file of `files`
   * that is not here is gone.
   */
  fileHashes?: Record<string, string>;
  /**
   * How the location was read: the index's format and what its files are
   * checked against (the configured severities, the entities it serves). A
   * pass with another signature reads the location whole.
   */
  readSignature?: string;
  /**
   * The verdicts on the entities its documents name (`verdictsKey`): a read
   * whose files did not change is judged again, and read anew when they
   * differ.
   */
  verdicts?: string;
}

/** Which runbooks to list; all of them when empty. */
export interface RunbookFilter {
  /** Those serving this entity (full, lower-case ref). */
  entityRef?: string;
  /** Those of this severity id. */
  severity?: string;
  /** Not those naming any of these entities (hidden from the caller). */
  hiddenEntityRefs?: string[];
}

/** Storage of the runbook index. */
export interface RunbookStore {
  getLocation(id: string): Promise<
    | (RunbookLocationState & {
        etag?: string;
        verdicts?: string;
        readSignature?: string;
      })
    | undefined
  >;
  /** The hash of each file the location's last read found. */
  fileHashes(locationId: string): Promise<Map<string, string>>;
  listLocations(filter?: {
    entityRef?: string;
  }): Promise<RunbookLocationState[]>;
  /** Replaces what a location holds, atomically: readers see the old set or the new one. */
  replaceLocation(
    location: RunbookLocation,
    result: LocationIndexResult,
  ): Promise<{ problems: RunbookProblem[] }>;
  /** Notes a read that failed (Git down, …); what the location holds stays served. */
  recordFailure(
    location: RunbookLocation,
    error: string,
    at: Date,
  ): Promise<void>;
  /** Notes a read that found nothing new (unchanged ETag or commit). */
  recordUnchanged(location: RunbookLocation, at: Date): Promise<void>;
  /** Forgets locations of a source that are not in `keepIds`, with their runbooks. */
  pruneLocations(
    source: 'entity' | 'config',
    keepIds: string[],
  ): Promise<number>;
  listRunbooks(filter: RunbookFilter): Promise<RunbookSummary[]>;
  /** The recovery plans covering an entity (all when no entity is given). */
  listRecoveryPlans(filter: {
    entityRef?: string;
  }): Promise<RecoveryPlanDetails[]>;
  getRecoveryPlan(
    namespace: string,
    name: string,
  ): Promise<RecoveryPlanDetails | undefined>;
  /** The same, with every section (for search and export), a page of them when asked. */
  listRunbookDetails(
    filter: RunbookFilter & PageRequest,
  ): Promise<RunbookDetails[]>;
  /** How many runbooks match. */
  countRunbooks(filter: RunbookFilter): Promise<number>;
  /** Every entity a runbook names. */
  runbookEntityRefs(): Promise<string[]>;
  getRunbook(
    namespace: string,
    name: string,
  ): Promise<RunbookDetails | undefined>;
  findByAlert(
    alertName: string,
    labels: Record<string, string>,
  ): Promise<RunbookSummary[]>;
  listProblems(filter: {
    entityRef?: string;
    locationIds?: string[];
  }): Promise<RunbookProblem[]>;
}
