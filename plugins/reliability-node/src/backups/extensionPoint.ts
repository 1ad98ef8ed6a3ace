import {
  createExtensionPoint,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { BackupEventInput } from '@reliability-suite/plugin-reliability-common';

/**
 * Where imported events belong: a component of a recovery plan, named by the
 * component's own entity or by the plan's entity plus `component`.
 *
 * @public
 */
export type BackupImportTarget = {
  entityRef: string;
  component?: string;
  /** The backup job, when the tool's output does not say. */
  job?: string;
};

/**
 * What an importer or a source read: backup runs and restore drills, and
 * notes for the person who sent it ("no valid backups yet", the WAL range).
 *
 * @public
 */
export type BackupImportResult = {
  events: BackupEventInput[];
  notes: string[];
};

/**
 * Reads one tool's output, posted as it is to
 * `POST /api/reliability/backups/import/{format}` (or as a captured run,
 * {@link @reliability-suite/plugin-reliability-common#BackupToolRun}), into
 * backup events. Event ids must be stable: the same output imported again
 * changes nothing. Throw an `InputError` for output it cannot read.
 *
 * @public
 */
export type BackupImporter = {
  /** The `{format}` of the import route, e.g. `pgbackrest`. */
  format: string;
  /** What to post, in words: `pgbackrest info --output=json`. */
  description: string;
  import(
    input: unknown,
    options: { target: BackupImportTarget; receivedAt: Date },
  ): BackupImportResult;
};

/**
 * A source the backend asks on a schedule (a Prometheus, a Kubernetes API
 * with Velero, …): each pass returns the events it sees now, with stable ids,
 * each naming its target. Runs on one backend instance at a time.
 *
 * @public
 */
export type BackupEventSource = {
  /** Unique among sources, e.g. `prometheus:cluster-a`. */
  id: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  collect(options: {
    now: Date;
    /** Aborted when the pass outlives its timeout: stop, store nothing. */
    signal?: AbortSignal;
  }): Promise<BackupImportResult>;
};

/**
 * Lets backend modules add backup importers and sources to the reliability
 * backend without forking it:
 *
 * ```ts
 * reg.registerInit({
 *   deps: { backups: reliabilityBackupsExtensionPoint },
 *   async init({ backups }) { backups.addSource(myVeleroSource); },
 * });
 * ```
 *
 * @public
 */
export type ReliabilityBackupsExtensionPoint = {
  addImporter(...importers: BackupImporter[]): void;
  addSource(...sources: BackupEventSource[]): void;
};

/** @public */
export const reliabilityBackupsExtensionPoint =
  createExtensionPoint<ReliabilityBackupsExtensionPoint>({
    id: 'reliability.backups',
  });
