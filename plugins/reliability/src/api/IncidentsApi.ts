import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AlertRuleFigures,
  AlertVerdict,
  Incident,
  IncidentClassification,
  IncidentDeclaration,
  IncidentMetrics,
  IncidentListQuery,
  IncidentPostmortemStart,
  IncidentRole,
  IncidentStatus,
  IncidentSummary,
  ListPage,
  PageRequest,
  PostmortemDue,
  StepOutcome,
  IncidentContext,
} from '@reliability-suite/plugin-reliability-common';

/** Which incidents to list: the list's query, as -common gives it once, and its page. @public */
export type IncidentFilter = IncidentListQuery & PageRequest;

export type { IncidentClassification, PostmortemDue };

/** Changes to an incident's fields, based on `version`. @public */
export interface IncidentPatch {
  version: number;
  title?: string;
  summary?: string;
  status?: IncidentStatus;
  severity?: string;
  reason?: string;
  entityRefs?: string[];
  runbooks?: string[];
}

/**
 * Incidents in the reliability backend, as the portal calls them.
 *
 * @public
 */
export interface IncidentsApi {
  /** A page of incidents (the first 500 unless `limit`/`offset` say otherwise), open first. */
  listIncidents(filter?: IncidentFilter): Promise<ListPage<IncidentSummary>>;
  getIncident(idOrReference: string): Promise<Incident>;
  /**
   * The incident if it changed since the copy whose `etag` is given (or
   * always, without one), with its new ETag; undefined when it did not: the
   * backend then answers 304 from a small mark, not the whole record.
   */
  getIncidentIfChanged(
    idOrReference: string,
    etag?: string,
  ): Promise<{ incident: Incident; etag?: string } | undefined>;
  declareIncident(input: Partial<IncidentDeclaration>): Promise<Incident>;
  /** A ResponseError with status 409 when someone changed it first. */
  updateIncident(id: string, patch: IncidentPatch): Promise<Incident>;
  assignIncidentRole(id: string, role: string, user: string): Promise<Incident>;
  addIncidentNote(
    id: string,
    text: string,
    pinned?: boolean,
  ): Promise<Incident>;
  addIncidentStatusUpdate(
    id: string,
    update: { conditions: string; actions: string; needs?: string },
  ): Promise<Incident>;
  /** Records how a step went (`done: false` clears it). */
  tickIncidentStep(
    id: string,
    tick: {
      runbook: string;
      step: string;
      done: boolean;
      outcome?: StepOutcome;
      note?: string;
    },
  ): Promise<Incident>;
  /** What one alert of the incident was (null clears it). */
  judgeIncidentAlert(
    id: string,
    fingerprint: string,
    verdict: AlertVerdict | null,
  ): Promise<Incident>;
  /** Each alert rule's figures from the incidents (of one entity). */
  getAlertFigures(entityRef?: string): Promise<AlertRuleFigures[]>;
  pinIncidentEvent(
    id: string,
    eventId: number,
    pinned: boolean,
  ): Promise<Incident>;
  /** The postmortem's id, new or the one it already had. */
  startIncidentPostmortem(id: string): Promise<IncidentPostmortemStart>;
  listIncidentRoles(): Promise<IncidentRole[]>;
  getIncidentMetrics(filter?: {
    entityRef?: string;
    from?: string;
    to?: string;
  }): Promise<IncidentMetrics>;
  listPostmortemsDue(): Promise<PostmortemDue[]>;
  /**
   * What a commander needs beside an incident: the affected entities, their
   * dependents from the catalog graph, owners, runbooks, state of recovery,
   * and the past incidents on them or their alerts with open action items.
   */
  getIncidentContext(query: {
    entityRefs: string[];
    alertNames?: string[];
    /** The incident itself, on its own page. */
    exclude?: string;
  }): Promise<IncidentContext>;
  classifyIncident(query: {
    entityRef?: string;
    usersAffected?: string;
    data?: string;
    workaround?: boolean;
    componentDown?: string;
  }): Promise<IncidentClassification>;
}

/** @public */
export const incidentsApiRef = createApiRef<IncidentsApi>({
  id: 'plugin.reliability.incidents',
});
