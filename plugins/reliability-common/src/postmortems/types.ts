import type { Integer, Timestamp } from '../scalars';
import type { PostmortemListQuery } from '../listQueries';
import type { PageRequest } from '../paging';
import type {
  ActionItemStatus,
  PostmortemActionItem,
  PostmortemContent,
} from './schema';

/** A stored postmortem. @public */
export type Postmortem = PostmortemContent & {
  /** A UUID. */
  id: string;
  /** Increases with every change; an update names the version it was based on. */
  version: Integer;
  createdAt: Timestamp;
  /** The user entity ref of the creator. */
  createdBy: string;
  updatedAt: Timestamp;
  /** The user entity ref of the last writer. */
  updatedBy: string;
  /** When it became `published`; only while it is published. */
  publishedAt?: Timestamp;
  /** detected − started, when both are known. */
  timeToDetectMinutes?: Integer;
  /** resolved − started, when both are known. */
  timeToResolveMinutes?: Integer;
};

/** One change to a postmortem, as the audit log keeps it. @public */
export type PostmortemAuditEntry = {
  at: Timestamp;
  /** The user entity ref of who made the change. */
  actor: string;
  action: 'create' | 'update' | 'delete';
  /** The top-level fields that changed. */
  fields: string[];
  /** The version the change produced; for `delete`, the last version. */
  version: Integer;
};

/** An action item with the postmortem it belongs to. @public */
export type ActionItemWithPostmortem = PostmortemActionItem & {
  postmortemId: string;
  postmortemTitle: string;
  /** Open and past its due date. */
  overdue: boolean;
};

/** Minutes between two ISO times, when both are valid and in order. @public */
export function minutesBetween(from?: string, to?: string): number | undefined {
  if (!from || !to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60000) : undefined;
}

/**
 * What lists of postmortems can be narrowed by (the list's query, written
 * once in `postmortemListQuerySchema`), and which page of them.
 *
 * @public
 */
export type PostmortemFilter = PageRequest & PostmortemListQuery;

/** The action item statuses that still need work. @public */
export const OPEN_ACTION_ITEM_STATUSES: ActionItemStatus[] = [
  'open',
  'in-progress',
];

/**
 * Whether an action item is still to do and past its due date, on `today`
 * (an ISO date, `2026-11-21`).
 *
 * @public
 */
export function isActionItemOverdue(
  item: { status: ActionItemStatus; dueDate?: string },
  today: string,
): boolean {
  return (
    OPEN_ACTION_ITEM_STATUSES.includes(item.status) &&
    item.dueDate !== undefined &&
    item.dueDate < today
  );
}
