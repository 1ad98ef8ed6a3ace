import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  ComponentRecoveryStatus,
  RecoveryViolation,
  RecoveryViolationType,
} from '@reliability-suite/plugin-reliability-common';
import type { Knex } from 'knex';
import { migratedClient, toIso } from '../database/database';
import type {
  ReconciledPlan,
  RecoveryViolationStore,
  ViolationFilter,
} from './RecoveryViolationStore';

const VIOLATIONS = 'reliability_recovery_violations';

type Row = {
  id: number;
  plan_namespace: string;
  plan_name: string;
  component: string;
  type: RecoveryViolationType;
  entity_ref: string | null;
  detail: string;
  open_key: string | null;
  opened_at: Date | string | number;
  seen_at: Date | string | number;
  resolved_at: Date | string | number | null;
  acked_by: string | null;
  ack_reason: string | null;
  acked_at: Date | string | number | null;
  acked_until: Date | string | number | null;
  notified_at: Date | string | number | null;
  reminded_at: Date | string | number | null;
  reminders: number | string;
};

function toViolation(row: Row): RecoveryViolation {
  return {
    id: Number(row.id),
    plan: { namespace: row.plan_namespace, name: row.plan_name },
    component: row.component,
    ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
    type: row.type,
    detail: row.detail,
    openedAt: toIso(row.opened_at),
    seenAt: toIso(row.seen_at),
    ...(row.resolved_at !== null ? { resolvedAt: toIso(row.resolved_at) } : {}),
    ...(row.acked_by && row.acked_at !== null
      ? {
          acknowledgement: {
            by: row.acked_by,
            reason: row.ack_reason ?? '',
            at: toIso(row.acked_at),
            ...(row.acked_until !== null
              ? { until: toIso(row.acked_until) }
              : {}),
          },
        }
      : {}),
    ...(row.notified_at !== null ? { notifiedAt: toIso(row.notified_at) } : {}),
    ...(row.reminded_at !== null ? { remindedAt: toIso(row.reminded_at) } : {}),
    reminders: Number(row.reminders),
  };
}

const openKey = (
  plan: { namespace: string; name: string },
  component: string,
  type: string,
) => `${plan.namespace}/${plan.name}/${component}/${type}`;

/**
 * Violations of recovery plans, as records: opened, kept current and
 * resolved by the scheduled evaluation (`reconcile`), acknowledged by
 * people, with when the owners were notified and reminded.
 */
export class DatabaseRecoveryViolationStore implements RecoveryViolationStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRecoveryViolationStore> {
    return new DatabaseRecoveryViolationStore(
      await migratedClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Brings one plan's open violations in line with what its components'
   * findings are now: a finding without an open violation opens one (once,
   * however many instances evaluate: `open_key` is unique), an open one still
   * found is kept current, and an open one no longer found — or of a
   * component the plan no longer has — is resolved.
   */
  async reconcile(
    plan: ReconciledPlan,
    statuses: ComponentRecoveryStatus[],
    now: Date,
  ): Promise<{ opened: RecoveryViolation[]; resolved: RecoveryViolation[] }> {
    const key = { plan_namespace: plan.namespace, plan_name: plan.name };
    const found = new Map<
      string,
      { component: string; type: RecoveryViolationType; detail: string }
    >();
    for (const status of statuses) {
      for (const f of status.findings ?? []) {
        const k = openKey(plan, status.component, f.type);
        if (!found.has(k)) {
          found.set(k, {
            component: status.component,
            type: f.type,
            detail: f.detail,
          });
        }
      }
    }
    const open = await this.db<Row>(VIOLATIONS)
      .where(key)
      .whereNotNull('open_key');
    const opened: RecoveryViolation[] = [];
    const resolved: RecoveryViolation[] = [];
    for (const row of open) {
      const still = found.get(row.open_key!);
      if (still) {
        await this.db(VIOLATIONS)
          .where({ id: row.id })
          .update({ detail: still.detail, seen_at: now });
        found.delete(row.open_key!);
        continue;
      }
      const updated = await this.db(VIOLATIONS)
        .where({ id: row.id })
        .whereNotNull('open_key')
        .update({ open_key: null, resolved_at: now });
      if (updated) {
        resolved.push(
          toViolation({ ...row, open_key: null, resolved_at: now }),
        );
      }
    }
    for (const [k, f] of found) {
      const component = plan.document.spec.components.find(
        c => c.name === f.component,
      );
      const row = {
        ...key,
        component: f.component,
        type: f.type,
        entity_ref: component?.entityRef ?? plan.entityRefs[0] ?? null,
        detail: f.detail,
        open_key: k,
        opened_at: now,
        seen_at: now,
        reminders: 0,
      };
      const inserted = await this.db(VIOLATIONS)
        .insert(row)
        .onConflict('open_key')
        .ignore()
        .returning('id');
      if (inserted.length === 0) continue; // another instance opened it
      const id = typeof inserted[0] === 'object' ? inserted[0].id : inserted[0];
      opened.push(
        toViolation({
          ...row,
          id: Number(id),
          resolved_at: null,
          acked_by: null,
          ack_reason: null,
          acked_at: null,
          acked_until: null,
          notified_at: null,
          reminded_at: null,
        }),
      );
    }
    return { opened, resolved };
  }

  /** Oldest first while open, newest first otherwise. */
  async list(filter: ViolationFilter = {}): Promise<RecoveryViolation[]> {
    const state = filter.state ?? 'open';
    const query = this.db<Row>(VIOLATIONS);
    if (filter.plan) {
      query.where({
        plan_namespace: filter.plan.namespace,
        plan_name: filter.plan.name,
      });
    }
    if (filter.component) query.where({ component: filter.component });
    if (state === 'open') query.whereNotNull('open_key');
    if (state === 'resolved') query.whereNull('open_key');
    query.orderBy([
      { column: 'opened_at', order: state === 'open' ? 'asc' : 'desc' },
      { column: 'id', order: state === 'open' ? 'asc' : 'desc' },
    ]);
    return (await query).map(toViolation);
  }

  async get(id: number): Promise<RecoveryViolation> {
    const row = await this.db<Row>(VIOLATIONS).where({ id }).first();
    if (!row) throw new NotFoundError(`No recovery violation ${id}`);
    return toViolation(row);
  }

  /** Who, why, until when; a resolved violation cannot be acknowledged. */
  async acknowledge(
    id: number,
    ack: { by: string; reason: string; until?: Date },
    now: Date,
  ): Promise<RecoveryViolation> {
    const updated = await this.db(VIOLATIONS)
      .where({ id })
      .whereNotNull('open_key')
      .update({
        acked_by: ack.by,
        ack_reason: ack.reason,
        acked_at: now,
        acked_until: ack.until ?? null,
      });
    if (!updated) {
      const existing = await this.get(id); // 404 when there is none
      throw new ConflictError(
        `Recovery violation ${id} was resolved at ${existing.resolvedAt}: there is nothing to acknowledge`,
      );
    }
    return this.get(id);
  }

  async markNotified(id: number, at: Date): Promise<void> {
    await this.db(VIOLATIONS).where({ id }).update({ notified_at: at });
  }

  /**
   * Open violations whose owners are due a reminder: not acknowledged (or
   * acknowledged until a time now past), told last longer than `every` ago.
   */
  async dueReminders(now: Date, everyMs: number): Promise<RecoveryViolation[]> {
    const before = new Date(now.getTime() - everyMs);
    const rows = await this.db<Row>(VIOLATIONS)
      .whereNotNull('open_key')
      .whereNotNull('notified_at')
      .where(q =>
        q
          .whereNull('acked_at')
          .orWhere(q2 =>
            q2.whereNotNull('acked_until').where('acked_until', '<', now),
          ),
      )
      .where(q =>
        q
          .where(q2 =>
            q2.whereNull('reminded_at').where('notified_at', '<', before),
          )
          .orWhere('reminded_at', '<', before),
      )
      .orderBy('opened_at', 'asc');
    return rows.map(toViolation);
  }

  async markReminded(id: number, at: Date): Promise<void> {
    await this.db(VIOLATIONS)
      .where({ id })
      .update({ reminded_at: at, reminders: this.db.raw('reminders + 1') });
  }
}
