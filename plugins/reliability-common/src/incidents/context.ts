import type { CoverageRunbook } from '../alerts/rules';
import type { ComplianceState } from '../backups/status';
import type { PostmortemActionItem } from '../postmortems/schema';
import type { Integer } from '../scalars';
import type { IncidentSummary } from './types';

/**
 * How an entity of an incident's context was found: one the incident names
 * (`affected`), one that depends on one of those (`dependent`, the catalog's
 * `dependencyOf`), or what one is part of (`parent`, `partOf`).
 *
 * @public
 */
export type IncidentContextRelation = 'affected' | 'dependent' | 'parent';

/** The state of recovery of one entity of the context. @public */
export type IncidentContextRecovery = {
  /** The worst state of the recovery plan components covering it. */
  state: ComplianceState;
  /** The plans covering it, `namespace/name`. */
  plans: string[];
  reasons: string[];
};

/** An entity of an incident's context, with what a commander asks of it. @public */
export type IncidentContextEntity = {
  entityRef: string;
  /** `metadata.title`, or its name. */
  title: string;
  relation: IncidentContextRelation;
  /** Steps from an affected entity: 0 for an affected one. */
  depth: Integer;
  /** The entity the walk came from (none for an affected one). */
  via?: string;
  /** `spec.owner` as a full ref. */
  owner?: string;
  /** The runbooks serving it. */
  runbooks: CoverageRunbook[];
  /** None when no recovery plan covers it. */
  recovery?: IncidentContextRecovery;
};

/** An earlier incident on the same entities or alerts. @public */
export type IncidentContextPastIncident = {
  incident: IncidentSummary;
  /** The entities it shares with this one. */
  sharedEntityRefs: string[];
  /** The alert names it shares with this one. */
  sharedAlertNames: string[];
  /** Its postmortem, with the action items not done yet. */
  postmortem?: {
    id: string;
    title: string;
    status: string;
    openActionItems: PostmortemActionItem[];
  };
};

/**
 * What a commander needs beside the incident, when declaring or opening it
 * (`GET /incidents/context`): the affected entities, those the catalog graph
 * says depend on them or hold them (a bounded walk), each with its owner,
 * runbooks and state of recovery; and the past incidents on the same
 * entities or alerts, with their postmortems' open action items. Only what
 * the caller may see in the catalog.
 *
 * @public
 */
export type IncidentContext = {
  entities: IncidentContextEntity[];
  /** The walk stopped at its bound: there is more of the graph. */
  truncated: boolean;
  pastIncidents: IncidentContextPastIncident[];
};
