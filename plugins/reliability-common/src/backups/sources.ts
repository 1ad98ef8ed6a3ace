import type { Integer, Timestamp } from '../scalars';

/**
 * A backup source's last pass (a Prometheus, … that a backend module added),
 * as `GET /backups/sources` shows it.
 *
 * @public
 */
export type BackupSourceState = {
  id: string;
  lastRunAt?: Timestamp;
  /** The last pass that read the source; a failed pass keeps it. */
  lastSuccessAt?: Timestamp;
  /** Why the last pass failed, or what it set aside. */
  lastError?: string;
  /** Events the last successful pass read. */
  lastEvents?: Integer;
  /** Of those, the events stored. */
  lastAccepted?: Integer;
  /** What the source said besides its events (at most 50). */
  notes: string[];
};

/** What `POST /backups/events` stored of a batch. @public */
export type BackupEventsSummary = {
  /** Events stored now. */
  accepted: Integer;
  /** Events already reported (the same id and content), changing nothing. */
  duplicates: Integer;
};

/** What `POST /backups/import/{format}` read from a tool's output and stored. @public */
export type BackupImportSummary = BackupEventsSummary & {
  /** The importer's format, e.g. `pgbackrest`. */
  format: string;
  /** Backup events read from the output. */
  events: Integer;
  /** What else the output said, e.g. "stanza main: no valid backups yet". */
  notes: string[];
};
