import type { IncidentLink, IncidentStatus } from './schema';
import type { IncidentEventType } from './types';

/**
 * The rules of an incident's life, with no database: a status change or a
 * patch goes in; the fields to write, and the timeline events that say so,
 * come out. The store writes them in one transaction and raises the
 * incident's version once per change, whatever the change holds.
 */

/** A timeline event a change makes, before it has an id, an actor and a time. @public */
export type LifecycleEvent = {
  type: Extract<
    IncidentEventType,
    'status-changed' | 'severity-changed' | 'fields-changed'
  >;
  summary: string;
  data: Record<string, unknown>;
};

/** What a status change writes. @public */
export type StatusTransition = {
  from: IncidentStatus;
  to: IncidentStatus;
  /** When it was first mitigated (kept when it goes back from resolved); null when open again. */
  mitigatedAt: string | null;
  resolvedAt: string | null;
  /**
   * Open again: the status-update cadence restarts from now, and its alert
   * group is the incident's own again.
   */
  reopened: boolean;
  /** Resolved: a new firing of its alert group is a new incident. */
  releasesAlertGroup: boolean;
  event: LifecycleEvent;
};

/**
 * Moves an incident from its status to `to` at `at`; undefined when it is
 * there already (no change, no event, no new version).
 *
 * @public
 */
export function transitionStatus(
  incident: { status: IncidentStatus; mitigatedAt?: string | null },
  to: IncidentStatus,
  at: string,
  reason?: string,
): StatusTransition | undefined {
  const from = incident.status;
  if (from === to) return undefined;
  const reopened = to === 'open';
  const because = reason ? `: ${reason}` : '';
  return {
    from,
    to,
    // Back from resolved keeps the time it was first mitigated.
    mitigatedAt: reopened ? null : incident.mitigatedAt ?? at,
    resolvedAt: to === 'resolved' ? at : null,
    reopened,
    releasesAlertGroup: to === 'resolved',
    event: {
      type: 'status-changed',
      summary: `${reopened ? 'Reopened' : `Status ${from} → ${to}`}${because}`,
      data: { from, to, ...(reason ? { reason } : {}) },
    },
  };
}

/** The fields a person may change on an incident, as the store holds them. @public */
export type IncidentFields = {
  status: IncidentStatus;
  severity: string;
  title: string;
  summary?: string | null;
  entityRefs: string[];
  links: IncidentLink[];
  mitigatedAt?: string | null;
};

/** A change to an incident's fields, with why (for the severity and status). @public */
export type IncidentFieldsPatch = {
  title?: string;
  summary?: string;
  severity?: string;
  status?: IncidentStatus;
  reason?: string;
  entityRefs?: string[];
  links?: IncidentLink[];
};

/** What a patch writes: only what differs, the events in timeline order. @public */
export type PatchOutcome = {
  fields: {
    title?: string;
    /** Null clears it. */
    summary?: string | null;
    severity?: string;
    entityRefs?: string[];
    links?: IncidentLink[];
  };
  /** The severity change, then one event naming every other field changed. */
  events: LifecycleEvent[];
  /** Its status change, written after the fields (and after the person who made it is stamped as acknowledging). */
  status?: StatusTransition;
};

const sameSet = (a: string[], b: string[]) =>
  [...a].sort().join() === [...b].sort().join();

/**
 * Applies a patch to an incident's fields at `at`: what differs is written,
 * each change told on the timeline. A patch that changes nothing yields no
 * fields and no events.
 *
 * @public
 */
export function applyIncidentPatch(
  incident: IncidentFields,
  patch: IncidentFieldsPatch,
  at: string,
): PatchOutcome {
  const fields: PatchOutcome['fields'] = {};
  const events: LifecycleEvent[] = [];
  const changed: string[] = [];
  if (patch.title !== undefined && patch.title !== incident.title) {
    fields.title = patch.title;
    changed.push('title');
  }
  if (
    patch.summary !== undefined &&
    patch.summary !== (incident.summary ?? '')
  ) {
    fields.summary = patch.summary || null;
    changed.push('summary');
  }
  if (patch.entityRefs && !sameSet(incident.entityRefs, patch.entityRefs)) {
    fields.entityRefs = patch.entityRefs;
    changed.push('affected entities');
  }
  if (
    patch.links &&
    JSON.stringify(patch.links) !== JSON.stringify(incident.links)
  ) {
    fields.links = patch.links;
    changed.push('links');
  }
  const because = patch.reason ? `: ${patch.reason}` : '';
  if (patch.severity !== undefined && patch.severity !== incident.severity) {
    fields.severity = patch.severity;
    events.push({
      type: 'severity-changed',
      summary: `Severity ${incident.severity} → ${patch.severity}${because}`,
      data: {
        from: incident.severity,
        to: patch.severity,
        ...(patch.reason ? { reason: patch.reason } : {}),
      },
    });
  }
  if (changed.length) {
    events.push({
      type: 'fields-changed',
      summary: `Changed ${changed.join(', ')}`,
      data: { fields: changed },
    });
  }
  const status = patch.status
    ? transitionStatus(incident, patch.status, at, patch.reason)
    : undefined;
  return { fields, events, ...(status ? { status } : {}) };
}

/**
 * Whether an incident still needs people: open or mitigated, not yet
 * resolved. What every "open incidents" count and list shows.
 *
 * @public
 */
export function isOpenIncident(incident: { status: IncidentStatus }): boolean {
  return incident.status !== 'resolved';
}
