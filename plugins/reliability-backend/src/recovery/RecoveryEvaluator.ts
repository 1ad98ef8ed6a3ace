import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  ComplianceState,
  RecoveryPlanDetails,
} from '@reliability-suite/plugin-reliability-common';
import type { DatabaseBackupEventStore } from '../backups/DatabaseBackupEventStore';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type {
  DatabaseRecoveryStateStore,
  StoredTransition,
} from './DatabaseRecoveryStateStore';
import { planStatus } from './planStatus';

/** The states an owner is told about when a component enters them. */
const NOTIFY: ComplianceState[] = ['violated', 'stale'];

const WORDS: Record<ComplianceState, string> = {
  violated: 'violates its recovery objectives',
  stale: 'has an overdue restore drill',
  'at-risk': 'is at risk',
  unknown: 'has no backup data',
  unchecked: 'has nothing its plan can be checked against',
  ok: 'is OK',
  'not-needed': 'needs no backup',
};

/** The entity page's Reliability tab. */
function entityLink(entityRef: string) {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/reliability`;
}

export interface RecoveryEvaluatorOptions {
  runbookStore: RunbookStore;
  eventStore: DatabaseBackupEventStore;
  stateStore: DatabaseRecoveryStateStore;
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
 * the owner of a component that has just become violated or stale told
 * through Backstage notifications — once per change.
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
  }> {
    const { runbookStore, eventStore, stateStore, logger, history } =
      this.options;
    const plans = await runbookStore.listRecoveryPlans({});
    const transitions: StoredTransition[] = [];
    let notified = 0;
    for (const plan of plans) {
      // Back to the event loop between plans: on SQLite every query answers
      // at once, so without this the whole evaluation (a second at 1,000
      // plans) runs before any request waiting meanwhile is served.
      await new Promise(resolve => setImmediate(resolve));
      if (signal?.aborted) {
        logger.warn(
          `Recovery evaluation stopped at its timeout after ${transitions.length} change(s); the next pass goes on`,
        );
        return { plans: plans.length, transitions, notified };
      }
      const status = await planStatus(eventStore, plan, now);
      const changes = await stateStore.record(plan, status.components, now);
      transitions.push(...changes);
      for (const change of changes) {
        if (!NOTIFY.includes(change.to)) continue;
        if (await this.notify(plan, change)) {
          await stateStore.markNotified(change.id);
          notified++;
        }
      }
    }
    await eventStore.prune(history.maxEventsPerComponent);
    await stateStore.prune(history.maxTransitionsPerComponent);
    if (transitions.length) {
      logger.info(
        `Recovery evaluation: ${transitions.length} change(s), ${notified} owner notification(s)`,
      );
    }
    return { plans: plans.length, transitions, notified };
  }

  private async notify(
    plan: RecoveryPlanDetails,
    change: StoredTransition,
  ): Promise<boolean> {
    const { notifications, logger } = this.options;
    if (!notifications) return false;
    const component = plan.document.spec.components.find(
      c => c.name === change.component,
    );
    const entityRefs = component?.entityRef
      ? [component.entityRef]
      : plan.entityRefs;
    if (entityRefs.length === 0) return false;
    const name = component?.title ?? change.component;
    try {
      await notifications.send({
        // The owners of the component's entity (the notifications backend
        // resolves an entity to its owner, and a group to its members).
        recipients: { type: 'entity', entityRef: entityRefs },
        payload: {
          title: `${name} (${plan.title}) ${WORDS[change.to]}`,
          description: change.reasons.join('; '),
          link: entityLink(entityRefs[0]),
          severity: change.to === 'violated' ? 'high' : 'normal',
          topic: 'reliability:recovery',
          scope: `reliability:recovery:${plan.namespace}/${plan.name}/${change.component}`,
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
