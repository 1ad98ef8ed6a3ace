import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  type RecoveryPlanDetails,
  type RecoveryViolation,
  VIOLATION_TYPE_WORDS,
} from '@reliability-suite/plugin-reliability-common';
import type { BackupEventStore } from '../backups/BackupEventStore';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type {
  RecoveryStateStore,
  StoredTransition,
} from './RecoveryStateStore';
import type { RecoveryViolationStore } from './RecoveryViolationStore';
import { planStatus } from './planStatus';

// The violations that make an owner's notification urgent.
const HIGH = new Set([
  'rpo-breach',
  'drill-failed',
  'verification-below',
  'backup-failed',
]);

/** The entity page's Reliability tab. */
function entityLink(entityRef: string) {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/reliability`;
}

export interface RecoveryEvaluatorOptions {
  runbookStore: RunbookStore;
  eventStore: BackupEventStore;
  stateStore: RecoveryStateStore;
  violationStore: RecoveryViolationStore;
  /** How long an open, unacknowledged violation waits before its owners are reminded. */
  remindEveryMs: number;
  /** Absent when the app has no notifications backend. */
  notifications?: NotificationService;
  logger: LoggerService;
  history: {
    maxEventsPerComponent: number;
    maxTransitionsPerComponent: number;
  };
}

/**
 * The scheduled look at every recovery plan: each component judged against
 * what was reported, its state remembered, every change kept (bounded), and
 * each breach kept as a violation record — opened when first found, resolved
 * when it recovers. The owners of the component are told through Backstage
 * notifications once when a violation opens, and reminded while it stays
 * open and unacknowledged.
 */
export class RecoveryEvaluator {
  constructor(private readonly options: RecoveryEvaluatorOptions) {}

  /** Past its timeout (`signal`) it stops between plans, before pruning. */
  async evaluateAll(
    now = new Date(),
    signal?: AbortSignal,
  ): Promise<{
    plans: number;
    transitions: StoredTransition[];
    notified: number;
    opened: RecoveryViolation[];
    resolved: RecoveryViolation[];
    reminded: number;
  }> {
    const {
      runbookStore,
      eventStore,
      stateStore,
      violationStore,
      logger,
      history,
    } = this.options;
    const plans = await runbookStore.listRecoveryPlans({});
    const transitions: StoredTransition[] = [];
    const opened: RecoveryViolation[] = [];
    const resolved: RecoveryViolation[] = [];
    const byKey = new Map(plans.map(p => [`${p.namespace}/${p.name}`, p]));
    let notified = 0;
    let reminded = 0;
    const result = () => ({
      plans: plans.length,
      transitions,
      notified,
      opened,
      resolved,
      reminded,
    });
    for (const plan of plans) {
      // Back to the event loop between plans: on SQLite every query answers
      // at once, so without this the whole evaluation (a second at 1,000
      // plans) runs before any request waiting meanwhile is served.
      await new Promise(resolve => setImmediate(resolve));
      if (signal?.aborted) {
        logger.warn(
          `Recovery evaluation stopped at its timeout after ${transitions.length} change(s); the next pass goes on`,
        );
        return result();
      }
      const status = await planStatus(eventStore, plan, now);
      const changes = await stateStore.record(plan, status.components, now);
      transitions.push(...changes);
      const violations = await violationStore.reconcile(
        plan,
        status.components,
        now,
      );
      opened.push(...violations.opened);
      resolved.push(...violations.resolved);
      for (const violation of violations.opened) {
        if (!(await this.notify(plan, violation, 'opened'))) continue;
        await violationStore.markNotified(violation.id, now);
        notified++;
        // The state change that came with it was told about.
        for (const change of changes) {
          if (change.component === violation.component) {
            await stateStore.markNotified(change.id);
          }
        }
      }
    }
    // Reminders: open, unacknowledged, told about longer ago than allowed.
    for (const violation of await violationStore.dueReminders(
      now,
      this.options.remindEveryMs,
    )) {
      const plan = byKey.get(
        `${violation.plan.namespace}/${violation.plan.name}`,
      );
      if (!plan) continue;
      if (await this.notify(plan, violation, 'reminder')) {
        await violationStore.markReminded(violation.id, now);
        reminded++;
      }
    }
    await eventStore.prune(history.maxEventsPerComponent);
    await stateStore.prune(history.maxTransitionsPerComponent);
    if (transitions.length || opened.length || resolved.length || reminded) {
      logger.info(
        `Recovery evaluation: ${transitions.length} change(s), ${opened.length} violation(s) opened, ${resolved.length} resolved, ${notified} owner notification(s), ${reminded} reminder(s)`,
      );
    }
    return result();
  }

  private async notify(
    plan: RecoveryPlanDetails,
    violation: RecoveryViolation,
    why: 'opened' | 'reminder',
  ): Promise<boolean> {
    const { notifications, logger } = this.options;
    if (!notifications) return false;
    const component = plan.document.spec.components.find(
      c => c.name === violation.component,
    );
    const entityRefs = component?.entityRef
      ? [component.entityRef]
      : plan.entityRefs;
    if (entityRefs.length === 0) return false;
    const name = component?.title ?? violation.component;
    const what = VIOLATION_TYPE_WORDS[violation.type];
    try {
      await notifications.send({
        // The owners of the component's entity (the notifications backend
        // resolves an entity to its owner, and a group to its members).
        recipients: { type: 'entity', entityRef: entityRefs },
        payload: {
          title:
            why === 'opened'
              ? `${what}: ${name} (${plan.title})`
              : `Still open, not acknowledged — ${what}: ${name} (${plan.title})`,
          description: violation.detail,
          link: entityLink(entityRefs[0]),
          severity: HIGH.has(violation.type) ? 'high' : 'normal',
          topic: 'reliability:recovery',
          // One notification per violation: a reminder updates it (and
          // marks it unread again) rather than adding another.
          scope: `reliability:recovery-violation:${violation.id}`,
        },
      });
      return true;
    } catch (error) {
      logger.warn(
        `Could not notify the owners of ${entityRefs.join(', ')}: ${error}`,
      );
      return false;
    }
  }
}
