/** Where a postmortem is in its life. @public */
export type PostmortemStatus = 'draft' | 'in-review' | 'published';

/** @public */
export const POSTMORTEM_STATUSES: PostmortemStatus[] = [
  'draft',
  'in-review',
  'published',
];

/** The incident's milestones, ISO 8601 in UTC. @public */
export interface PostmortemMilestones {
  started?: string;
  detected?: string;
  acknowledged?: string;
  mitigated?: string;
  resolved?: string;
}

/** One entry of the incident timeline. @public */
export interface PostmortemTimelineEntry {
  /** ISO 8601, UTC. */
  at: string;
  event: string;
  link?: string;
}

/** @public */
export type ActionItemType = 'prevent' | 'mitigate' | 'detect' | 'process';
/** @public */
export type ActionItemStatus = 'open' | 'in-progress' | 'done' | 'wont-do';

/** Something to do so that it does not happen again. @public */
export interface PostmortemActionItem {
  /** Stable within its postmortem (generated when absent). */
  id: string;
  title: string;
  type: ActionItemType;
  owner?: string;
  /** E.g. P1…P4, or high/medium/low: the team's own scale. */
  priority?: string;
  status: ActionItemStatus;
  /** ISO date, `2026-12-01`. */
  dueDate?: string;
  trackerUrl?: string;
  /** The runbook it changes, `namespace/name`. */
  runbook?: string;
}

/** What people write in a postmortem. @public */
export interface PostmortemContent {
  title: string;
  status: PostmortemStatus;
  /** User entity refs. */
  authors: string[];
  /** A user or group entity ref. */
  owner?: string;
  /** One of the configured severity ids. */
  severity?: string;
  category?: string;
  /** Affected catalog entities, full refs. */
  entityRefs: string[];
  /** Alert names that fired. */
  alerts: string[];
  /** Runbooks used, `namespace/name`. */
  runbooks: string[];
  milestones: PostmortemMilestones;
  summary?: string;
  impact?: string;
  usersAffected?: number;
  slaBreached?: boolean;
  detection?: string;
  trigger?: string;
  rootCauses: string[];
  contributingFactors: string[];
  resolution?: string;
  lessons: { wentWell: string[]; wentWrong: string[]; gotLucky: string[] };
  timeline: PostmortemTimelineEntry[];
  actionItems: PostmortemActionItem[];
  /** The incident record it came from, when there is one. */
  incidentId?: string;
}

/** A stored postmortem. @public */
export interface Postmortem extends PostmortemContent {
  id: string;
  /** Increases with every change; an update names the version it was based on. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  publishedAt?: string;
  /** detected − started, when both are known. */
  timeToDetectMinutes?: number;
  /** resolved − started, when both are known. */
  timeToResolveMinutes?: number;
}

/** One change to a postmortem, as the audit log keeps it. @public */
export interface PostmortemAuditEntry {
  at: string;
  actor: string;
  action: 'create' | 'update' | 'delete';
  /** The top-level fields that changed. */
  fields: string[];
  version: number;
}

/** An action item with the postmortem it belongs to. @public */
export interface ActionItemWithPostmortem extends PostmortemActionItem {
  postmortemId: string;
  postmortemTitle: string;
  /** Open and past its due date. */
  overdue: boolean;
}

/** Minutes between two ISO times, when both are valid and in order. @public */
export function minutesBetween(from?: string, to?: string): number | undefined {
  if (!from || !to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60000) : undefined;
}

/** What lists of postmortems can be narrowed by. @public */
export interface PostmortemFilter {
  /** Concerning this entity (full ref). */
  entityRef?: string;
  status?: string;
  severity?: string;
  owner?: string;
  /** Incidents started on or after (ISO date or time). */
  from?: string;
  /** Incidents started before (ISO date or time). */
  to?: string;
}

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
