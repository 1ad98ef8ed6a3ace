import type { Integer, Timestamp } from '../scalars';
import type { Classification, SeverityGuideLevel } from './classification';
import type {
  AlertVerdict,
  IncidentLink,
  IncidentStatus,
  StepOutcome,
} from './schema';

/** What a timeline event records. @public */
export type IncidentEventType =
  | 'declared'
  | 'alert-fired'
  | 'alert-resolved'
  | 'status-changed'
  | 'severity-changed'
  | 'role-changed'
  | 'runbook-attached'
  | 'step-ticked'
  | 'step-unticked'
  | 'alert-judged'
  | 'note'
  | 'status-update'
  | 'fields-changed'
  | 'postmortem-started'
  | 'postmortem-deleted';

/** Where an event came from. @public */
export type IncidentEventSource =
  | 'portal'
  | 'alertmanager'
  | 'system'
  | 'api'
  /** A user's agent, through the suite's actions (MCP). */
  | 'mcp';

/** One event of an incident's timeline. @public */
export type IncidentEvent = {
  id: Integer;
  at: Timestamp;
  type: IncidentEventType;
  /** A user ref, or the service that acted (e.g. `alertmanager`). */
  actor: string;
  source: IncidentEventSource;
  /** One line for people: "Severity P2 → P1: the replica is gone too". */
  summary: string;
  /** What changed, for filters and the postmortem: old and new values, the alert, the step. */
  data?: Record<string, unknown>;
  pinned: boolean;
};

/** A role held, from when to when. @public */
export type IncidentRoleAssignment = {
  role: string;
  user: string;
  assumedAt: Timestamp;
  /** When someone else took it over; absent while held. */
  handedOverAt?: Timestamp;
  assignedBy: string;
};

/** An alert an incident holds, as Alertmanager last reported it. @public */
export type IncidentAlert = {
  fingerprint: string;
  alertName: string;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Timestamp;
  endsAt?: Timestamp;
  generatorURL?: string;
  /** What a responder said it was, by whom and when. */
  verdict?: AlertVerdict;
  verdictBy?: string;
  verdictAt?: Timestamp;
};

/** One alert rule's figures from the incidents its alerts joined. @public */
export type AlertRuleFigures = {
  alertName: string;
  /** Alerts of it the incidents held. */
  fired: Integer;
  actionable: Integer;
  noise: Integer;
  duplicate: Integer;
  /** Median minutes from the alert firing to its incident's acknowledgement. */
  medianMinutesToAcknowledge?: Integer;
};

/** A runbook attached to an incident. @public */
export type IncidentRunbook = {
  namespace: string;
  name: string;
  title?: string;
  /** `alert` when an alert's triggers matched it, else the person who attached it. */
  attachedBy: string;
  attachedAt: Timestamp;
};

/** A ticked runbook step. @public */
export type IncidentTick = {
  runbook: string;
  step: string;
  done: boolean;
  /** How the step went (`done` for ticks recorded before outcomes were). */
  outcome: StepOutcome;
  note?: string;
  by: string;
  at: Timestamp;
};

/** A tactical status update. @public */
export type IncidentStatusUpdate = {
  id: Integer;
  conditions: string;
  actions: string;
  needs?: string;
  by: string;
  at: Timestamp;
};

/** @public */
export type IncidentMilestones = {
  started: Timestamp;
  detected?: Timestamp;
  acknowledged?: Timestamp;
  mitigated?: Timestamp;
  resolved?: Timestamp;
};

/** The reference people say: `INC-42`. @public */
export const incidentReference = (number: number) => `INC-${number}`;

/** An incident as lists show it. @public */
export type IncidentSummary = {
  id: string;
  /** The number people say: 42 in INC-42. */
  number: Integer;
  /** `INC-42`. */
  reference: string;
  title: string;
  status: IncidentStatus;
  severity: string;
  entityRefs: string[];
  /** Who leads it now. */
  commander?: string;
  milestones: IncidentMilestones;
  postmortemId?: string;
  /** When the next status update is due (open incidents of levels with a cadence). */
  statusUpdateDueAt?: Timestamp;
  alertCount: Integer;
  firingAlertCount: Integer;
  createdAt: Timestamp;
  createdBy: string;
  /**
   * Set when the record came from another tool (`POST /incidents/import`):
   * its id there and who imported it. The people its history names were
   * not signed in here; the importer vouches for them.
   */
  imported?: { externalId: string; by: string };
  updatedAt: Timestamp;
  version: Integer;
};

/** An incident with everything it holds. @public */
export type Incident = IncidentSummary & {
  summary?: string;
  links: IncidentLink[];
  roles: IncidentRoleAssignment[];
  alerts: IncidentAlert[];
  runbooks: IncidentRunbook[];
  checklist: IncidentTick[];
  statusUpdates: IncidentStatusUpdate[];
  timeline: IncidentEvent[];
};

/** A role incidents have (`reliability.incidents.roles`). @public */
export type IncidentRole = {
  id: string;
  title: string;
  /** The one role that leads (exactly one: the commander by default). */
  lead: boolean;
  description?: string;
};

/** The default roles: commander (the lead), scribe, communications. @public */
export const DEFAULT_INCIDENT_ROLES: IncidentRole[] = [
  {
    id: 'commander',
    title: 'Incident commander',
    lead: true,
    description: 'Leads the response and decides; hands over explicitly.',
  },
  {
    id: 'scribe',
    title: 'Scribe',
    lead: false,
    description: 'Keeps the timeline: notes, times, decisions.',
  },
  {
    id: 'communications',
    title: 'Communications lead',
    lead: false,
    description: 'Writes status updates for stakeholders and customers.',
  },
];

/** What `POST /webhooks/alertmanager` did with a notification. @public */
export type AlertIntakeResult = {
  /** Incidents opened by it. */
  opened: string[];
  /** Incidents it changed (alerts joined, resolved, mitigated, reopened). */
  updated: string[];
  /** Alerts that changed nothing (repeats, or resolved with no incident). */
  unchanged: number;
};

/** MTTA, MTTR, incidents per week and availability over a window. @public */
export type IncidentMetrics = {
  from: string;
  to: string;
  incidents: Integer;
  /** Mean time to acknowledge, in minutes. */
  mttaMinutes?: number;
  /** Mean time to recover (started → mitigated, else resolved), in minutes. */
  mttrMinutes?: number;
  /** Mean time between failures, in minutes. */
  mtbfMinutes?: number;
  /** MTBF / (MTBF + MTTR), as the Wesago handbook defines it. */
  availability?: number;
  /** Incidents started per week (weeks start on Monday, UTC), by severity. */
  perWeek: Array<{ week: string; counts: Record<string, number> }>;
};

/** A resolved incident that still needs its postmortem. @public */
export type PostmortemDue = IncidentSummary & {
  /** Resolved + `reliability.incidents.postmortemDueDays` (5 by default). */
  postmortemDueAt: Timestamp;
  overdue: boolean;
};

/** The severity helper's answer (`GET /incidents/classification`). @public */
export type IncidentClassification = {
  suggestion: Classification;
  /** Components of the service's recovery plan with a degraded mode. */
  components: string[];
  guide: SeverityGuideLevel[];
};

/** What `POST /incidents/{id}/postmortem` did: the postmortem's id, new or the one it already had. @public */
export type IncidentPostmortemStart = {
  postmortemId: string;
  /** False when the incident already had one. */
  created: boolean;
};
