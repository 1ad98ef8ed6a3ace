import type {
  AlertIntakeResult,
  AlertmanagerAlert,
  AlertRuleFigures,
  AlertVerdict,
  IncidentEventSource,
  IncidentFieldsPatch,
  IncidentImport,
  IncidentLink,
  IncidentRunbookRef,
  IncidentStatus,
  IncidentSummary,
  PageRequest,
  RunbookStatistics,
  StepOutcome,
  StepPattern,
} from '@reliability-suite/plugin-reliability-common';
import type { IncidentResource } from '@reliability-suite/plugin-reliability-node';

/** Who acts, from where, when. */
export interface IncidentActor {
  ref: string;
  source: IncidentEventSource;
  at: Date;
}

/** What lists of incidents can be narrowed by. */
export interface IncidentListFilter {
  entityRef?: string;
  status?: IncidentStatus;
  severity?: string;
  owner?: string;
  /** Only incidents holding an alert of this name. */
  alertName?: string;
  from?: string;
  to?: string;
  /** Leaves out incidents naming any of these (what the caller may not read). */
  hiddenEntityRefs?: string[];
}

/** An incident a person declares. */
export interface NewIncident {
  title: string;
  severity: string;
  summary?: string;
  entityRefs: string[];
  links: IncidentLink[];
  linkedOwners: string[];
  startedAt: Date;
  commander: string;
  runbooks: IncidentRunbookRef[];
}

/** A change of an incident's fields, with the runbooks it attaches and the owners of its new entities. */
export type IncidentChange = IncidentFieldsPatch & {
  runbooks?: IncidentRunbookRef[];
  linkedOwners?: string[];
};

/** What an alert means: its services, its runbooks, its severity, and why. */
export interface AlertMatch {
  entityRefs: string[];
  linkedOwners: string[];
  runbooks: IncidentRunbookRef[];
  severity: string;
  because: string;
}

/** One Alertmanager notification, each alert with what it means. */
export interface AlertDelivery {
  groupKey: string;
  receiver: string;
  /** The group's summary, the title of an incident its alert's own does not name. */
  commonSummary?: string;
  alerts: AlertmanagerAlert[];
  /** What the firing alerts mean, by fingerprint (looked up before the write). */
  matches: Map<string, AlertMatch>;
  /** What an alert means, for one that opens an incident and was not looked up. */
  match(alert: AlertmanagerAlert): Promise<AlertMatch>;
}

/**
 * The incidents the backend keeps. Each write is one transaction: it takes
 * the incident's lock, changes what the intent says, appends the timeline
 * events that tell it (their wording is -common's `incidentTimeline`), and
 * marks the change. Field changes are versioned: a stale version is a 409.
 */
export interface IncidentStore {
  // ---- reads
  get(idOrReference: string): Promise<IncidentResource | undefined>;
  getMany(ids: string[]): Promise<Array<IncidentResource | undefined>>;
  /** What tells whether an incident changed, without reading it. */
  changeMark(
    idOrReference: string,
  ): Promise<{ mark: string; entityRefs: string[] } | undefined>;
  list(filter?: IncidentListFilter & PageRequest): Promise<IncidentSummary[]>;
  count(filter?: IncidentListFilter): Promise<number>;
  entityRefsInUse(): Promise<string[]>;
  /** How the open incidents hold these alerts now: fingerprint → status. */
  openAlertStatuses(fingerprints: string[]): Promise<Map<string, string>>;
  byExternalId(externalId: string): Promise<string | undefined>;

  // ---- writes, one transaction each
  declare(input: NewIncident, actor: IncidentActor): Promise<{ id: string }>;
  /** Changes fields if, and only if, the incident is still at `version`. */
  applyChange(
    idOrReference: string,
    version: number,
    change: IncidentChange,
    actor: IncidentActor,
  ): Promise<void>;
  assignRole(
    idOrReference: string,
    role: { id: string; title: string },
    user: string,
    actor: IncidentActor,
  ): Promise<void>;
  addNote(
    idOrReference: string,
    note: { text: string; pinned: boolean },
    actor: IncidentActor,
  ): Promise<void>;
  addStatusUpdate(
    idOrReference: string,
    update: { conditions: string; actions: string; needs?: string },
    actor: IncidentActor,
  ): Promise<void>;
  tick(
    idOrReference: string,
    tick: {
      runbook: string;
      step: string;
      done: boolean;
      outcome?: StepOutcome;
      note?: string;
      label?: string;
    },
    actor: IncidentActor,
  ): Promise<void>;
  pin(
    idOrReference: string,
    eventId: number,
    pinned: boolean,
    at?: Date,
  ): Promise<void>;
  /** Links the postmortem unless it has one; returns the one linked. */
  linkPostmortem(
    idOrReference: string,
    postmortemId: string,
    actor: IncidentActor,
  ): Promise<string>;
  unlinkPostmortem(postmortemId: string, actor: IncidentActor): Promise<void>;
  importIncident(
    input: IncidentImport & {
      runbookTitles: IncidentRunbookRef[];
      linkedOwners: string[];
    },
    actor: IncidentActor,
  ): Promise<{ id: string; created: boolean }>;
  /**
   * An Alertmanager notification: each alert joins the open incident
   * holding it, else its group's, else opens one; the group's row is the
   * lock, so the same notification twice opens one incident.
   */
  recordAlerts(
    delivery: AlertDelivery,
    actor: IncidentActor,
  ): Promise<AlertIntakeResult>;

  // ---- reminders
  statusUpdatesDue(now: Date): Promise<IncidentSummary[]>;
  markReminded(id: string, at: Date): Promise<void>;
  postmortemsDue(options: {
    severities: string[];
    resolvedBefore?: Date;
  }): Promise<Array<IncidentSummary & { reminded: boolean }>>;
  markPostmortemReminded(id: string, at: Date): Promise<void>;
  /**
   * What the incidents that used a runbook say of it (one query each for
   * the incidents with it, those of `entityRefs` without it, and its step
   * outcomes, by indexed columns).
   */
  runbookStatistics(
    runbook: string,
    entityRefs: string[],
  ): Promise<Omit<RunbookStatistics, 'patterns'>>;
  /** Records what one alert of the incident was (null clears it). */
  judgeAlert(
    idOrReference: string,
    fingerprint: string,
    verdict: AlertVerdict | null,
    actor: IncidentActor,
  ): Promise<void>;
  /**
   * Each alert rule's figures from the incidents its alerts joined: of one
   * entity, or of any of several; of the alerts that began since a time.
   */
  alertRuleFigures(filter?: {
    entityRef?: string;
    entityRefs?: string[];
    since?: Date;
  }): Promise<AlertRuleFigures[]>;
  /** The entities of the incidents that took an alert since a time, sorted. */
  alertEntityRefs(since: Date): Promise<string[]>;
  /**
   * Notes that an owner's alert digest of a week (`2026-W50`) was sent;
   * false when it had been (once per owner and week, across instances).
   */
  claimAlertDigest(week: string, owner: string, at: Date): Promise<boolean>;
  /**
   * Notes that a step pattern was told to the runbook's owner; false when it
   * had been (once per runbook, step and outcome, across instances).
   */
  claimStepPattern(
    pattern: StepPattern,
    runbook: string,
    at: Date,
  ): Promise<boolean>;
}
