import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AlertCoverage,
  AlertCoverageDay,
  RecoveryFacts,
  RecoveryOverview,
  RecoveryPlanHistory,
  RecoveryPlanDetails,
  ActionItemWithPostmortem,
  Postmortem,
  PostmortemAuditEntry,
  PostmortemContent,
  PostmortemFilter,
  ListPage,
  PageRequest,
  EntityReliabilityOverview,
  ReliabilityHealth,
  RunbookDetails,
  RunbookIndexStatus,
  RunbookStatistics,
  RunbookSummary,
  SeverityLevel,
  RecoveryViolation,
  RecoveryViolationList,
} from '@reliability-suite/plugin-reliability-common';

/**
 * The reliability backend, as the portal calls it.
 *
 * @public
 */
export interface ReliabilityApi {
  /** Whether the backend and its database answer. */
  getHealth(): Promise<ReliabilityHealth>;
  /** What the backend knows about one catalog entity. */
  getEntityOverview(entityRef: string): Promise<EntityReliabilityOverview>;
  /** The configured severity levels, most severe first. */
  listSeverities(): Promise<SeverityLevel[]>;
  /** The runbooks serving one entity. */
  listRunbooks(entityRef: string): Promise<RunbookSummary[]>;
  /** One runbook with every section. */
  getRunbook(namespace: string, name: string): Promise<RunbookDetails>;
  /** The runbooks an alert leads to, optionally narrowed by its labels. */
  findRunbooksByAlert(
    alertName: string,
    labels?: Record<string, string>,
  ): Promise<RunbookSummary[]>;
  /** Where an entity's runbooks are read from, and the problems found. */
  getRunbookIndexStatus(entityRef: string): Promise<RunbookIndexStatus>;
  /** The recovery plans covering an entity (its own, or one of its components'). */
  listRecoveryPlans(entityRef: string): Promise<RecoveryPlanDetails[]>;
  /** One recovery plan, with how it stands. */
  getRecoveryPlan(
    namespace: string,
    name: string,
  ): Promise<RecoveryPlanDetails>;
  /** Every component's recovery state across the catalog, and what no plan covers. */
  getRecoveryOverview(): Promise<RecoveryOverview>;
  /** A plan's reported backups and drills and its state changes, per component. */
  getRecoveryPlanHistory(
    namespace: string,
    name: string,
  ): Promise<RecoveryPlanHistory>;
  /** The recovery facts of the entities plans cover (all, or one). */
  getRecoveryFacts(entityRef?: string): Promise<RecoveryFacts>;
  /**
   * The alerting rules of the configured sources against the runbooks: all
   * the caller may see, or one entity's.
   */
  getAlertCoverage(entityRef?: string): Promise<AlertCoverage>;
  /** What the incidents that used a runbook say of its steps. */
  getRunbookStatistics(
    namespace: string,
    name: string,
  ): Promise<RunbookStatistics>;
  /** Alert coverage by day and owner, the last 90 days. */
  getAlertCoverageHistory(): Promise<AlertCoverageDay[]>;
  /**
   * Re-reads an entity's runbooks now (needs the refresh permission): the
   * files that changed, or every file with `full`.
   */
  refreshRunbooks(
    entityRef: string,
    options?: { full?: boolean },
  ): Promise<RunbookIndexStatus>;
  /** Violations of recovery plans: open ones oldest first (the default), or resolved, or all. */
  listRecoveryViolations(query?: {
    state?: 'open' | 'resolved' | 'all';
    entityRef?: string;
  }): Promise<RecoveryViolationList>;
  /** Acknowledges an open violation: why, and until when no reminder is sent. */
  acknowledgeRecoveryViolation(
    id: number,
    ack: { reason: string; until?: string },
  ): Promise<RecoveryViolation>;
  /** One entity's recovery evidence for a period, a tar archive with digests, as a file to save. */
  exportRecoveryEvidence(query: {
    entityRef: string;
    from?: string;
    to?: string;
  }): Promise<{ fileName: string; content: Blob }>;
  /** The break-glass HTML export, as a file to save. */
  exportRunbooks(
    query: { entityRef: string } | { severity: string },
  ): Promise<{ fileName: string; content: Blob }>;
  /** A page of postmortems (the first 500 unless `limit`/`offset` say otherwise), newest incident first. */
  listPostmortems(filter?: PostmortemFilter): Promise<ListPage<Postmortem>>;
  getPostmortem(id: string): Promise<Postmortem>;
  createPostmortem(content: PostmortemContent): Promise<Postmortem>;
  /** Saves a change based on `version`; a ResponseError with status 409 when someone else saved first. */
  updatePostmortem(
    id: string,
    version: number,
    content: PostmortemContent,
  ): Promise<Postmortem>;
  deletePostmortem(id: string): Promise<void>;
  getPostmortemAudit(id: string): Promise<PostmortemAuditEntry[]>;
  /** Open action items across postmortems, or those changing one runbook: a page of them (`limit` up to 500). */
  listActionItems(
    filter?: { runbook?: string } & PageRequest,
  ): Promise<ListPage<ActionItemWithPostmortem>>;
}

/** @public */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});

export type { PostmortemFilter };
