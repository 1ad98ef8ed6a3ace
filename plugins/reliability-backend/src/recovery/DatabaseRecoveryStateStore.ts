import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  ComplianceState,
  ComponentRecoveryStatus,
  RecoveryTransition,
} from '@reliability-suite/plugin-reliability-common';
import type { Knex } from 'knex';
import { keepNewest, migratedClient, toIso } from '../database/database';

const STATES = 'reliability_recovery_states';
const TRANSITIONS = 'reliability_recovery_transitions';

import type {
  PlanKey,
  RecoveryStateStore,
  StoredTransition,
} from './RecoveryStateStore';

/**
 * Each recovery plan component's state at the last evaluation, and every
 * change of it (the newest kept): how the suite tells that a component has
 * just become violated or stale — and notifies its owner once — and what the
 * trend of a component shows.
 */
export class DatabaseRecoveryStateStore implements RecoveryStateStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRecoveryStateStore> {
    return new DatabaseRecoveryStateStore(
      await migratedClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Records the components' states now; returns the changes (a component
   * seen for the first time is a change from nothing). Each component's
   * change is written in one transaction that only succeeds from the state
   * it read, so two evaluations at once record (and notify) a change once.
   */
  async record(
    plan: PlanKey,
    statuses: ComponentRecoveryStatus[],
    now: Date,
  ): Promise<StoredTransition[]> {
    const changes: StoredTransition[] = [];
    for (const status of statuses) {
      const key = {
        plan_namespace: plan.namespace,
        plan_name: plan.name,
        component: status.component,
      };
      const current = await this.db(STATES).where(key).first();
      if (current?.state === status.state) continue;
      const reasons = JSON.stringify(status.reasons);
      const transition = await this.db.transaction(async tx => {
        if (current) {
          const updated = await tx(STATES)
            .where({ ...key, state: current.state })
            .update({
              state: status.state,
              reasons,
              since: now,
              evaluated_at: now,
            });
          if (updated === 0) return undefined; // another evaluation got there
        } else {
          const inserted = await tx(STATES)
            .insert({
              ...key,
              state: status.state,
              reasons,
              since: now,
              evaluated_at: now,
            })
            .onConflict(['plan_namespace', 'plan_name', 'component'])
            .ignore()
            .returning('component');
          if (inserted.length === 0) return undefined;
        }
        const [row] = await tx(TRANSITIONS)
          .insert({
            ...key,
            from_state: current?.state ?? null,
            to_state: status.state,
            reasons,
            at: now,
          })
          .returning('id');
        return typeof row === 'object' ? row.id : row;
      });
      if (transition === undefined) continue;
      changes.push({
        id: Number(transition),
        plan,
        component: status.component,
        ...(current?.state ? { from: current.state as ComplianceState } : {}),
        to: status.state,
        at: now.toISOString(),
        reasons: status.reasons,
      });
    }
    return changes;
  }

  async markNotified(id: number): Promise<void> {
    await this.db(TRANSITIONS).where({ id }).update({ notified: true });
  }

  /** A plan's changes, newest first, `limit` per component. */
  async listTransitions(
    plan: PlanKey,
    limit = 100,
  ): Promise<Map<string, RecoveryTransition[]>> {
    const rows = await this.db(TRANSITIONS)
      .where({ plan_namespace: plan.namespace, plan_name: plan.name })
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    const byComponent = new Map<string, RecoveryTransition[]>();
    for (const r of rows) {
      const list = byComponent.get(r.component) ?? [];
      if (list.length >= limit) continue;
      list.push({
        ...(r.from_state ? { from: r.from_state } : {}),
        to: r.to_state,
        at: toIso(r.at),
        reasons: JSON.parse(r.reasons),
        notified: Boolean(r.notified),
      });
      byComponent.set(r.component, list);
    }
    return byComponent;
  }

  /** Keeps the newest `maxPerComponent` changes of each component. */
  async prune(maxPerComponent: number): Promise<number> {
    return keepNewest(this.db, TRANSITIONS, {
      groupBy: ['plan_namespace', 'plan_name', 'component'],
      orderBy: 'id',
      key: 'id',
      max: maxPerComponent,
    });
  }
}
