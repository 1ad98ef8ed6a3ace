import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  type ActionItemWithPostmortem,
  isActionItemOverdue,
  MAX_PAGE_SIZE,
  OPEN_ACTION_ITEM_STATUSES,
  type Postmortem,
  type PostmortemAuditEntry,
  type PostmortemContent,
  type PageRequest,
} from '@reliability-suite/plugin-reliability-common';
import type { Knex } from 'knex';
import { migratedClient, toIso } from '../database/database';
import { randomUUID } from 'node:crypto';
import { computedDurations } from './validation';

const POSTMORTEMS = 'reliability_postmortems';
const ENTITIES = 'reliability_postmortem_entities';
const ITEMS = 'reliability_postmortem_action_items';
const AUDIT = 'reliability_postmortem_audit';

type Timestamp = Date | string | number | null;

import type {
  ActionItemFilter,
  PostmortemListFilter as ListFilter,
  PostmortemStore,
} from './PostmortemStore';

type Row = {
  id: string;
  version: number;
  title: string;
  status: string;
  severity: string | null;
  owner: string | null;
  started_at: Timestamp;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
  published_at: Timestamp;
  linked_owners: string;
  body: string;
};

import type { PostmortemResource } from '@reliability-suite/plugin-reliability-node';

function toPostmortem(row: Row): PostmortemResource {
  const content: PostmortemContent = JSON.parse(row.body);
  return {
    ...content,
    ...computedDurations(content),
    id: row.id,
    version: row.version,
    createdAt: toIso(row.created_at)!,
    createdBy: row.created_by,
    updatedAt: toIso(row.updated_at)!,
    updatedBy: row.updated_by,
    ...(row.published_at ? { publishedAt: toIso(row.published_at) } : {}),
    linkedOwners: JSON.parse(row.linked_owners),
  };
}

// JSON with object keys in a fixed order, so equal values compare equal.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

// The top-level fields whose value differs: what the audit log records.
function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter(k => canonical((before as any)[k]) !== canonical((after as any)[k]))
    .sort();
}

/** Postmortems in the plugin's database (SQLite or PostgreSQL). */
export class DatabasePostmortemStore implements PostmortemStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePostmortemStore> {
    return new DatabasePostmortemStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async create(
    content: PostmortemContent,
    options: { actor: string; linkedOwners: string[]; at?: Date },
  ): Promise<PostmortemResource> {
    const id = randomUUID();
    const at = options.at ?? new Date();
    // The row as stored comes back from the insert: no read after it.
    const row = await this.db.transaction(async tx => {
      const [inserted] = await tx<Row>(POSTMORTEMS)
        .insert({
          id,
          version: 1,
          ...columns(content, at, undefined),
          created_at: at,
          created_by: options.actor,
          updated_at: at,
          updated_by: options.actor,
          linked_owners: JSON.stringify(options.linkedOwners),
        })
        .returning('*');
      await this.writeChildren(tx, id, content);
      await tx(AUDIT).insert({
        postmortem_id: id,
        at,
        actor: options.actor,
        action: 'create',
        fields: JSON.stringify(Object.keys(content).sort()),
        version: 1,
      });
      return inserted as Row;
    });
    return toPostmortem(row);
  }

  async get(id: string): Promise<PostmortemResource | undefined> {
    const row = await this.db<Row>(POSTMORTEMS).where({ id }).first();
    return row ? toPostmortem(row) : undefined;
  }

  async getMany(ids: string[]): Promise<Array<PostmortemResource | undefined>> {
    const rows = await this.db<Row>(POSTMORTEMS).whereIn('id', ids);
    const byId = new Map(rows.map(r => [r.id, toPostmortem(r)]));
    return ids.map(id => byId.get(id));
  }

  /**
   * Replaces the content if, and only if, it is still at `baseVersion`:
   * a writer working from a stale copy gets a ConflictError and nothing of
   * anyone's is lost.
   */
  async update(
    id: string,
    baseVersion: number,
    content: PostmortemContent,
    options: { actor: string; linkedOwners: string[]; at?: Date },
  ): Promise<PostmortemResource> {
    const at = options.at ?? new Date();
    await this.db.transaction(async tx => {
      const current = await tx<Row>(POSTMORTEMS).where({ id }).first();
      if (!current) throw new NotFoundError(`No postmortem ${id}`);
      if (current.version !== baseVersion) {
        throw new ConflictError(
          `Postmortem ${id} is at version ${current.version}, not ${baseVersion}: someone else changed it. Reload, re-apply your change and save again.`,
        );
      }
      const before: PostmortemContent = JSON.parse(current.body);
      const fields = changedFields(before, content);
      const wasPublished = current.status === 'published';
      const updated = await tx(POSTMORTEMS)
        .where({ id, version: baseVersion })
        .update({
          version: baseVersion + 1,
          ...columns(
            content,
            at,
            wasPublished ? toIso(current.published_at) : undefined,
          ),
          updated_at: at,
          updated_by: options.actor,
          linked_owners: JSON.stringify(options.linkedOwners),
        });
      if (updated !== 1) {
        throw new ConflictError(
          `Postmortem ${id} changed while it was being saved; reload and save again.`,
        );
      }
      await tx(ENTITIES).where({ postmortem_id: id }).delete();
      await tx(ITEMS).where({ postmortem_id: id }).delete();
      await this.writeChildren(tx, id, content);
      await tx(AUDIT).insert({
        postmortem_id: id,
        at,
        actor: options.actor,
        action: 'update',
        fields: JSON.stringify(fields),
        version: baseVersion + 1,
      });
    });
    return (await this.get(id))!;
  }

  async delete(id: string, options: { actor: string; at?: Date }) {
    await this.db.transaction(async tx => {
      const current = await tx<Row>(POSTMORTEMS).where({ id }).first();
      if (!current) throw new NotFoundError(`No postmortem ${id}`);
      await tx(ENTITIES).where({ postmortem_id: id }).delete();
      await tx(ITEMS).where({ postmortem_id: id }).delete();
      await tx(POSTMORTEMS).where({ id }).delete();
      await tx(AUDIT).insert({
        postmortem_id: id,
        at: options.at ?? new Date(),
        actor: options.actor,
        action: 'delete',
        fields: JSON.stringify([]),
        version: current.version,
      });
    });
  }

  /** A page of the postmortems matching `filter`, newest incident first. */
  async list(filter: ListFilter = {}): Promise<Postmortem[]> {
    const query = this.matching(filter)
      .orderBy([
        { column: 'started_at', order: 'desc', nulls: 'last' },
        { column: 'created_at', order: 'desc' },
        // A total order, so that pages neither repeat nor skip a record.
        { column: 'id', order: 'desc' },
      ])
      .limit(filter.limit ?? MAX_PAGE_SIZE)
      .offset(filter.offset ?? 0);
    return (await query).map(row => {
      const { linkedOwners: _, ...postmortem } = toPostmortem(row);
      return postmortem;
    });
  }

  /** How many postmortems match `filter` (its page ignored). */
  async count(filter: ListFilter = {}): Promise<number> {
    const [{ count }] = await this.matching(filter).count({ count: '*' });
    return Number(count);
  }

  /** Every entity some postmortem names. */
  async entityRefsInUse(): Promise<string[]> {
    const rows = await this.db(ENTITIES).distinct('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  private matching(filter: ListFilter) {
    const query = this.db<Row>(POSTMORTEMS);
    if (filter.hiddenEntityRefs?.length) {
      query.whereNotIn(
        'id',
        this.db(ENTITIES)
          .whereIn('entity_ref', filter.hiddenEntityRefs)
          .select('postmortem_id'),
      );
    }
    if (filter.entityRef) {
      query.whereIn(
        'id',
        this.db(ENTITIES)
          .where('entity_ref', filter.entityRef)
          .select('postmortem_id'),
      );
    }
    if (filter.status) query.where('status', filter.status);
    if (filter.severity) query.where('severity', filter.severity);
    if (filter.owner) query.where('owner', filter.owner);
    if (filter.from) query.where('started_at', '>=', new Date(filter.from));
    if (filter.to) query.where('started_at', '<', new Date(filter.to));
    return query;
  }

  async audit(id: string): Promise<PostmortemAuditEntry[]> {
    const rows = await this.db(AUDIT)
      .where({ postmortem_id: id })
      .orderBy('id');
    return rows.map(r => ({
      at: toIso(r.at)!,
      actor: r.actor,
      action: r.action,
      fields: JSON.parse(r.fields),
      version: r.version,
    }));
  }

  /**
   * Action items across postmortems: open ones, or those changing a
   * runbook; not those of a postmortem naming a hidden entity; a page of
   * them when asked.
   */
  async actionItems(
    filter: ActionItemFilter & PageRequest & { now?: Date },
  ): Promise<ActionItemWithPostmortem[]> {
    const query = this.matchingItems(filter)
      .select(`${ITEMS}.*`, `${POSTMORTEMS}.title as postmortem_title`)
      .orderBy([
        { column: `${ITEMS}.due_date`, order: 'asc', nulls: 'last' },
        { column: `${ITEMS}.postmortem_id`, order: 'asc' },
        { column: `${ITEMS}.item_id`, order: 'asc' },
      ]);
    if (filter.limit !== undefined) query.limit(filter.limit);
    if (filter.offset) query.offset(filter.offset);
    const today = (filter.now ?? new Date()).toISOString().slice(0, 10);
    return (await query).map(r => {
      const item = {
        id: r.item_id,
        title: r.title,
        type: r.type,
        status: r.status,
        ...(r.owner ? { owner: r.owner } : {}),
        ...(r.priority ? { priority: r.priority } : {}),
        ...(r.due_date ? { dueDate: r.due_date } : {}),
        ...(r.tracker_url ? { trackerUrl: r.tracker_url } : {}),
        ...(r.runbook ? { runbook: r.runbook } : {}),
        postmortemId: r.postmortem_id,
        postmortemTitle: r.postmortem_title,
      };
      return { ...item, overdue: isActionItemOverdue(item, today) };
    });
  }

  /** How many action items match. */
  async countActionItems(filter: ActionItemFilter): Promise<number> {
    const [{ n }] = await this.matchingItems(filter).count({ n: '*' });
    return Number(n);
  }

  private matchingItems(filter: ActionItemFilter) {
    const query = this.db(ITEMS).join(
      POSTMORTEMS,
      `${POSTMORTEMS}.id`,
      `${ITEMS}.postmortem_id`,
    );
    if (filter.status === 'open') {
      query.whereIn(`${ITEMS}.status`, OPEN_ACTION_ITEM_STATUSES);
    }
    if (filter.runbook) query.where(`${ITEMS}.runbook`, filter.runbook);
    if (filter.hiddenEntityRefs?.length) {
      query.whereNotIn(
        `${ITEMS}.postmortem_id`,
        this.db(ENTITIES)
          .whereIn('entity_ref', filter.hiddenEntityRefs)
          .select('postmortem_id'),
      );
    }
    return query;
  }

  private async writeChildren(
    tx: Knex.Transaction,
    id: string,
    content: PostmortemContent,
  ) {
    const entities = content.entityRefs.map(entity_ref => ({
      postmortem_id: id,
      entity_ref,
    }));
    for (let i = 0; i < entities.length; i += 200) {
      await tx(ENTITIES).insert(entities.slice(i, i + 200));
    }
    const items = content.actionItems.map(item => ({
      postmortem_id: id,
      item_id: item.id,
      title: item.title,
      type: item.type,
      status: item.status,
      owner: item.owner ?? null,
      priority: item.priority ?? null,
      due_date: item.dueDate ?? null,
      tracker_url: item.trackerUrl ?? null,
      runbook: item.runbook ?? null,
    }));
    for (let i = 0; i < items.length; i += 100) {
      await tx(ITEMS).insert(items.slice(i, i + 100));
    }
  }
}

function columns(
  content: PostmortemContent,
  at: Date,
  publishedAt: string | undefined,
) {
  let publishedAtColumn: Date | null = null;
  if (content.status === 'published') {
    publishedAtColumn = publishedAt ? new Date(publishedAt) : at;
  }
  return {
    title: content.title,
    status: content.status,
    severity: content.severity ?? null,
    owner: content.owner ?? null,
    started_at: content.milestones.started
      ? new Date(content.milestones.started)
      : null,
    published_at: publishedAtColumn,
    body: JSON.stringify(content),
  };
}
