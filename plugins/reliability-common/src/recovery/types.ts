import type { Integer, Timestamp } from '../scalars';
import type {
  ComplianceState,
  ComponentRecoveryStatus,
  RecoverableWindow,
} from '../backups/status';
import type { VerificationLevel } from '../backups/schema';
/**
 * The recovery plan format, `reliability.io/v1alpha1` `RecoveryPlan`: what a
 * service keeps, how it is backed up, how much may be lost (RPO) and how fast
 * it must come back (RTO), the scenarios it plans for, the restore drills
 * that prove it, and what still works when a part is missing — what the
 * disaster-recovery handbooks teams write today hold, in the runbooks' YAML
 * envelope, next to the runbooks.
 *
 * Objectives (`rpo`, `rto`) are text as teams write them: `15m`, `1h30m`,
 * `0` (nothing may be lost), `≈ 1m`, `≤ 30m`, `15m (initial guess)`,
 * `n/a: <why>` — see `parseRecoveryObjective`.
 */

/** How much a component matters. @public */
export type RecoveryCriticality =
  | 'critical'
  | 'high'
  | 'moderate'
  | 'low'
  /** "None (stateless)": nothing is lost with it. */
  | 'none';

/** One backup job of a component (a seed may have several: full, diff, WAL). @public */
export type BackupJob = {
  /** Unique within the component: `full`, `diff`, `wal`, `nightly`. */
  name: string;
  /** What kind of copy: full, differential, incremental, snapshot, dump, WAL archive, … */
  type?: string;
  /** The tool that makes it: `pgbackrest`, `restic`, `velero`, `sqlite3 .backup`. */
  tool?: string;
  /** `active` (default), `planned` (not running yet), `external` (run by someone else). */
  state?: 'active' | 'planned' | 'external';
  /** False when the job exists but is switched off (a chart default, say). */
  enabled?: boolean;
  /** A cron expression (`0 2 * * *`), an interval (`15m`), `continuous` or `manual`. */
  schedule?: string;
  /** The schedule the handbook recommends, when it differs from `schedule` (or there is none yet). */
  recommended?: string;
  /** When the job is optional or conditional, in words. */
  optional?: string;
  /** Anything else the team writes about the job. */
  note?: string;
  /** How long or how many copies are kept, as the team says it. */
  retention?: string;
  /** Where copies go: a bucket, a volume, a host. */
  destination?: string;
  /** Whether a copy leaves the site (off-site, cold storage). */
  offSite?: boolean;
  /** How copies are encrypted (`aes-256-cbc`), or `none`. */
  encryption?: string;
};

/** The restore test that proves a component's backups work. @public */
export type RestoreDrill = {
  /** How often it runs, a duration: `7d`, `30d`. */
  cadence: string;
  /** After how long without a drill it counts as stale (default: cadence + 1 day). */
  staleAfter?: string;
  /** The runbook that says how, `namespace/name` or `name`. */
  runbook?: string;
  /**
   * The scenario of the plan it exercises (by name): its restore time is
   * judged against that scenario's RTO, not the component's.
   */
  scenario?: string;
  /** What "the restored data checked out" means. */
  checks?: string;
  /** Where it runs: a scratch namespace, a container. */
  environment?: string;
  /**
   * The verification level a drill must reach to count (an integrity check
   * is never a restore): `none`, `integrity`, `restored`, `application`.
   */
  requiredVerification?: VerificationLevel;
};

/** Something that holds state (or, stateless, does not). @public */
export type RecoveryComponent = {
  /** Unique within the plan. */
  name: string;
  title?: string;
  /** The catalog entity it is, usually a Resource. */
  entityRef?: string;
  /** What data it holds. */
  data?: string;
  criticality?: RecoveryCriticality;
  /** The reason it needs no backup; present only for stateless components. */
  stateless?: string;
  rpo?: string;
  rto?: string;
  /** State kept by replication rather than backup (streaming, mirroring). */
  replication?: { method: string; rpo?: string };
  backups?: BackupJob[];
  drill?: RestoreDrill;
  /** What must deliberately not be backed up, and why. */
  exclusions?: string[];
};

/** A failure the plan prepares for, with its own objectives. @public */
export type RecoveryScenario = {
  /** `pod-restart`, `node-loss`, `volume-loss`, `cluster-loss`, … */
  name: string;
  title?: string;
  rpo?: string;
  rto?: string;
  /** Whether the platform recovers by itself, people must act, or both (a person starts what then runs by itself). */
  recovery?: 'automatic' | 'semi-automatic' | 'manual';
  /** The runbook that restores it, `namespace/name` or `name`. */
  runbook?: string;
  description?: string;
};

/** What happens when one part is missing, and how to live with it. @public */
export type DegradedMode = {
  /** A component of this plan, by name, or an entity ref. */
  component: string;
  /** What stops working; some handbooks only name the part. */
  impact?: string;
  workaround?: string;
  /** The runbook to follow in that state, `namespace/name` or `name`. */
  runbook?: string;
  /** The severity of an incident in that state (a configured id). */
  severity?: string;
};

/** A data type with its own objectives (Sortie's per-data-type RPO). @public */
export type RecoveryDataType = {
  name: string;
  description?: string;
  rpo?: string;
  rto?: string;
  rationale?: string;
  /** The plan's components that hold it: its RPO is judged from their backups. */
  components?: string[];
  /** The plan's scenarios that concern it. */
  scenarios?: string[];
};

/** @public */
export type RecoveryPlanSpec = {
  /** The entities the plan covers; default: the annotating entity. */
  entityRefs?: string[];
  owner?: string;
  /** Objectives for the whole service, when it states one set. */
  rpo?: string;
  rto?: string;
  dataTypes?: RecoveryDataType[];
  components: RecoveryComponent[];
  scenarios?: RecoveryScenario[];
  degradedModes?: DegradedMode[];
};

/** A `reliability.io/v1alpha1` `RecoveryPlan` document. @public */
export type RecoveryPlanDocument = {
  apiVersion: 'reliability.io/v1alpha1';
  kind: 'RecoveryPlan';
  metadata: {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
  };
  spec: RecoveryPlanSpec;
};

/** A recovery plan as parsed from a file, with where it came from. @public */
export type ParsedRecoveryPlan = {
  document: RecoveryPlanDocument;
  file: string;
  line: Integer;
};

/** A stored recovery plan, as the API serves it. @public */
export type RecoveryPlanDetails = {
  namespace: string;
  name: string;
  title: string;
  /** The entities it covers: its own entityRefs and its components' entities. */
  entityRefs: string[];
  /** The file's repository URL (or its path from the catalog file). */
  sourceUrl: string;
  sourceLine: Integer;
  revision?: string;
  lastSyncedAt: Timestamp;
  /** The file now has errors: this is the last good copy. */
  stale: boolean;
  /** The normalised `RecoveryPlan` document, as `/schemas/recovery-plan.json` describes it. */
  document: RecoveryPlanDocument;
  /**
   * Runbooks its drills and scenarios name that are not indexed (when the
   * plan was read): `namespace/name`.
   */
  unresolvedRunbooks?: string[];
  /** How the plan stands against what was reported, when it was read. */
  status?: RecoveryPlanStatus;
};

/** A plan's components against reported backups and drills. @public */
export type RecoveryPlanStatus = {
  /** The worst of the components' states. */
  state: ComplianceState;
  evaluatedAt: Timestamp;
  components: ComponentRecoveryStatus[];
  /** Each data type against the backups of the components that hold it. */
  dataTypes?: DataTypeRecoveryStatus[];
};

/** One data type's RPO against its components' recoverable windows. @public */
export type DataTypeRecoveryStatus = {
  dataType: string;
  state: ComplianceState;
  reasons: string[];
  /** Where all its components can be restored to: the earliest of their latest points. */
  window?: RecoverableWindow;
  rpoSeconds?: number;
};

/** One component of one plan, as the catalog-wide overview lists it. @public */
export type RecoveryOverviewComponent = {
  plan: { namespace: string; name: string; title: string };
  component: string;
  title: string;
  entityRef?: string;
  criticality?: RecoveryCriticality;
  /** The owner of the component's entity, else the plan's owner. */
  owner?: string;
  /** The system of the component's entity, when it has one. */
  system?: string;
  state: ComplianceState;
  reasons: string[];
};

/** A catalog entity no recovery plan covers. @public */
export type UncoveredEntity = {
  entityRef: string;
  title: string;
  owner?: string;
  system?: string;
};

/** Every component's recovery state across the catalog, and what no plan covers. @public */
export type RecoveryOverview = {
  components: RecoveryOverviewComponent[];
  uncovered: UncoveredEntity[];
  /** Each system's overall state: the worst of its components'. */
  systems: SystemRecoveryState[];
};

/** A system's recovery state across the components of it that plans cover. @public */
export type SystemRecoveryState = {
  /** The system's entity ref; absent for the components of no system. */
  system?: string;
  state: ComplianceState;
  /** How many of its components are in each state. */
  counts: Partial<Record<ComplianceState, number>>;
  /** Components of it that no plan covers. */
  uncovered: Integer;
};
