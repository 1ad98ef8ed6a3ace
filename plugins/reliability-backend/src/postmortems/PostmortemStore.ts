import type {
  ActionItemWithPostmortem,
  PageRequest,
  Postmortem,
  PostmortemAuditEntry,
  PostmortemContent,
  PostmortemFilter,
} from '@reliability-suite/plugin-reliability-common';
import type { PostmortemResource } from '@reliability-suite/plugin-reliability-node';

/** Which action items to list, and what the caller may not read left out. */
export type ActionItemFilter = {
  status?: 'open';
  runbook?: string;
  hiddenEntityRefs?: string[];
};

/** The list's filter, and what the caller may not read left out. */
export type PostmortemListFilter = PostmortemFilter & {
  hiddenEntityRefs?: string[];
};

/** Who writes, and when (now unless said). */
export type PostmortemWrite = { actor: string; at?: Date };

/**
 * Postmortems, their entities, action items and audit log, as the routes
 * and services see them. Every method is one transaction; how they are kept
 * is the implementation's business (`DatabasePostmortemStore`).
 */
export interface PostmortemStore {
  create(
    content: PostmortemContent,
    options: PostmortemWrite & { linkedOwners: string[] },
  ): Promise<PostmortemResource>;
  get(id: string): Promise<PostmortemResource | undefined>;
  getMany(ids: string[]): Promise<Array<PostmortemResource | undefined>>;
  /**
   * Replaces the content written at `baseVersion`; a writer working from a
   * stale copy gets a ConflictError and nothing of anyone's is lost.
   */
  update(
    id: string,
    baseVersion: number,
    content: PostmortemContent,
    options: PostmortemWrite & { linkedOwners: string[] },
  ): Promise<PostmortemResource>;
  delete(id: string, options: PostmortemWrite): Promise<void>;
  /** A page of the postmortems matching `filter`, newest incident first. */
  list(filter?: PostmortemListFilter): Promise<Postmortem[]>;
  /** How many postmortems match `filter` (its page ignored). */
  count(filter?: PostmortemListFilter): Promise<number>;
  /** Every entity some postmortem names. */
  entityRefsInUse(): Promise<string[]>;
  audit(id: string): Promise<PostmortemAuditEntry[]>;
  /**
   * Action items across postmortems: open ones, or those changing a
   * runbook; not those of a postmortem naming a hidden entity; a page of
   * them when asked.
   */
  actionItems(
    filter: ActionItemFilter & PageRequest & { now?: Date },
  ): Promise<ActionItemWithPostmortem[]>;
  /** How many action items match. */
  countActionItems(filter: ActionItemFilter): Promise<number>;
}
