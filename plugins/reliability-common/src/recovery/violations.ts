import type { Integer, Timestamp } from '../scalars';
import type { RecoveryViolationType } from '../backups/status';

/** What each violation type is, in words. @public */
export const VIOLATION_TYPE_WORDS: Record<RecoveryViolationType, string> = {
  'rpo-breach': 'RPO breach',
  'backup-failed': 'Backup failed',
  'drill-stale': 'Drill stale',
  'drill-failed': 'Drill failed',
  'drill-over-rto': 'Drill over RTO',
  'verification-below': 'Verification below what the plan requires',
};

/** Who acknowledged an open violation, why, and until when. @public */
export type RecoveryViolationAcknowledgement = {
  /** The user's entity ref. */
  by: string;
  reason: string;
  at: string;
  /** Reminders start again after this time. */
  until?: string;
};

/**
 * A breach of a recovery plan as a record: opened when the evaluation first
 * finds it on a component, kept up to date while it lasts, resolved when the
 * component's state recovers. Its owners are notified once when it opens and
 * reminded while it stays open and unacknowledged.
 *
 * @public
 */
export type RecoveryViolation = {
  id: Integer;
  plan: { namespace: string; name: string; title?: string };
  component: string;
  componentTitle?: string;
  /** The component's entity, else the plan's first entity: who owns it. */
  entityRef?: string;
  type: RecoveryViolationType;
  /** The latest reason, in words. */
  detail: string;
  openedAt: Timestamp;
  /** When it was last found (the latest evaluation while open). */
  seenAt: Timestamp;
  resolvedAt?: Timestamp;
  acknowledgement?: RecoveryViolationAcknowledgement;
  /** When the owners were told it opened. */
  notifiedAt?: Timestamp;
  /** When they were last reminded, and how often. */
  remindedAt?: Timestamp;
  reminders: Integer;
};

/** `GET /recovery/violations`. @public */
export type RecoveryViolationList = {
  items: RecoveryViolation[];
  totalCount: Integer;
};
