import type { RecoveryObjective } from './recovery/objective';
import type { RunbookReview, RunbookTrigger } from './runbooks/types';
import type { Integer, Timestamp } from './scalars';

/**
 * The answer of `GET /api/reliability/health`.
 *
 * @public
 */
export type ReliabilityHealth = {
  /** `degraded` when the database does not answer. */
  status: 'ok' | 'degraded';
  /** The database the backend stores its records in, and whether it answers. */
  database: {
    /** The knex client, e.g. `pg` or `better-sqlite3`; `unknown` when no connection could be made. */
    client: string;
    reachable: boolean;
    /** Why the database did not answer; only when `reachable` is false. */
    error?: string;
  };
  /** When this backend instance started. */
  startedAt: Timestamp;
};

/**
 * What the backend knows about one catalog entity, as served by
 * `GET /api/reliability/entities/:namespace/:kind/:name/overview`.
 *
 * @public
 */
export type EntityReliabilityOverview = {
  /** The entity's full ref, `kind:namespace/name`. */
  entityRef: string;
  /** The entity's title or name, as the catalog has it. */
  title: string;
  /** The owner's ref, from `spec.owner`, when it has one. */
  owner?: string;
  /** The reliability annotations the entity carries, keyed by annotation. */
  annotations: Record<string, string>;
  /**
   * The RPO and RTO annotations, read: each with its value, or what is wrong
   * with it ("Near-zero" is not a duration).
   */
  objectives: {
    rpo?: AnnotatedObjective;
    rto?: AnnotatedObjective;
  };
  /** When the backend assembled this answer. */
  generatedAt: Timestamp;
};

/**
 * An RPO or RTO as an annotation states it, read with
 * `parseRecoveryObjective`.
 *
 * @public
 */
export type AnnotatedObjective = {
  /** The annotation's text, as written. */
  text: string;
  value?: RecoveryObjective;
  /** Why the text is not an objective, with a hint. */
  error?: string;
};

/**
 * A severity level, as configured under `reliability.severities`.
 *
 * @public
 */
export type SeverityLevel = {
  /** What runbooks, incidents and postmortems name, e.g. `P1`. */
  id: string;
  label: string;
  /** 1 is the most severe. */
  rank: Integer;
  /** A CSS colour for chips and badges. */
  colour: string;
  description: string;
  /** How fast someone must respond, for people (`15 minutes`, `next business day`). */
  responseTarget: string;
  /** The same in minutes, when it is a fixed time. */
  responseMinutes?: Integer;
  /** Whether it pages the on-call engineer. */
  pages: boolean;
  /** Whether an incident of this level needs a postmortem. */
  postmortemRequired: boolean;
  /** How often the commander posts a status update while it is open, in minutes. */
  statusUpdateMinutes?: Integer;
};

/**
 * A runbook as the API lists it.
 *
 * @public
 */
export type RunbookSummary = {
  /** The runbook's `metadata.namespace` (`default` unless set). */
  namespace: string;
  name: string;
  /** `metadata.title`, or the name. */
  title: string;
  /** One of the configured severity ids, e.g. `P1`. */
  severity?: string;
  /** E.g. `backend`, `db`, `network`, `tls`, `storage`. */
  category?: string;
  owner?: string;
  /** Full refs, `kind:namespace/name`, lower-case. */
  entityRefs: string[];
  triggers: RunbookTrigger[];
  /** The file it came from: a URL to open in Git, or a path. */
  sourceUrl: string;
  /** The line its document starts on in that file. */
  sourceLine: Integer;
  /** The commit or ETag of the copy served, when known. */
  revision?: string;
  /** When this copy was read from its source. */
  lastSyncedAt: Timestamp;
  /**
   * True when the latest read of its file failed and this is the last good
   * copy, kept until the file is fixed.
   */
  stale: boolean;
  /** The last review and its interval, for freshness. */
  review?: RunbookReview;
  /**
   * Present when the latest read of the runbook's location failed after this
   * copy was read (Git down, …): when, and why.
   */
  syncError?: { at: Timestamp; message: string };
};

/**
 * One runbook with every section.
 *
 * @public
 */
export type RunbookDetails = RunbookSummary & {
  document: import('./runbooks/types').RunbookDocument;
};

/**
 * Where runbooks are read from, and how the last reads went.
 *
 * @public
 */
export type RunbookLocationState = {
  /** `entity:<entityRef>` for an entity's annotation. */
  id: string;
  /** `entity`: an entity's annotation; `config`: a central repository. */
  source: 'entity' | 'config';
  /** The URL, Git remote or path read. */
  target: string;
  entityRef?: string;
  /**
   * The commit of the last successful read, for `git` locations (reads
   * through a URL reader keep only an ETag).
   */
  revision?: string;
  lastAttemptAt?: Timestamp;
  lastSuccessAt?: Timestamp;
  /** Why the last read failed; absent when it worked. */
  lastError?: string;
};

/**
 * The index state of one entity's runbooks.
 *
 * @public
 */
export type RunbookIndexStatus = {
  locations: RunbookLocationState[];
  problems: import('./runbooks/types').RunbookProblem[];
};
