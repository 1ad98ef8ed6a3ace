import type { RecoveryObjective } from './recovery/objective';
/**
 * The answer of `GET /api/reliability/health`.
 *
 * @public
 */
export type ReliabilityHealth = {
  status: 'ok' | 'degraded';
  /** The database the backend stores its records in, and whether it answers. */
  database: { client: string; reachable: boolean; error?: string };
  /** When this backend instance started (ISO 8601). */
  startedAt: string;
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
  /** When the backend assembled this answer (ISO 8601). */
  generatedAt: string;
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
  rank: number;
  /** A CSS colour for chips and badges. */
  colour: string;
  description: string;
  /** How fast someone must respond, for people (`15 minutes`, `next business day`). */
  responseTarget: string;
  /** The same in minutes, when it is a fixed time. */
  responseMinutes?: number;
  /** Whether it pages the on-call engineer. */
  pages: boolean;
  /** Whether an incident of this level needs a postmortem. */
  postmortemRequired: boolean;
  /** How often the commander posts a status update while it is open, in minutes. */
  statusUpdateMinutes?: number;
};

/**
 * A runbook as the API lists it.
 *
 * @public
 */
export type RunbookSummary = {
  namespace: string;
  name: string;
  title: string;
  severity?: string;
  category?: string;
  owner?: string;
  /** Full refs, `kind:namespace/name`, lower-case. */
  entityRefs: string[];
  triggers: Array<{ alertName: string; labels?: Record<string, string> }>;
  /** The file it came from: a URL to open in Git, or a path. */
  sourceUrl: string;
  /** The line its document starts on in that file. */
  sourceLine: number;
  /** The commit or ETag of the copy served, when known. */
  revision?: string;
  /** When this copy was read from its source (ISO 8601). */
  lastSyncedAt: string;
  /**
   * True when the latest read of its file failed and this is the last good
   * copy, kept until the file is fixed.
   */
  stale: boolean;
  /** The last review and its interval, for freshness. */
  review?: { lastReviewed?: string; intervalDays?: number };
  /**
   * Present when the latest read of the runbook's location failed after this
   * copy was read (Git down, …): when, and why.
   */
  syncError?: { at: string; message: string };
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
  id: string;
  /** `entity`: an entity's annotation; `config`: a central repository. */
  source: 'entity' | 'config';
  target: string;
  entityRef?: string;
  revision?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
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
