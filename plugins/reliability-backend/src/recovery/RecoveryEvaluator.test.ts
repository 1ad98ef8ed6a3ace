import { mockServices } from '@backstage/backend-test-utils';
import type { RecoveryPlanDetails } from '@reliability-suite/plugin-reliability-common';
import { RecoveryEvaluator } from './RecoveryEvaluator';

describe('RecoveryEvaluator', () => {
  it('lets requests waiting meanwhile be served between plans', async () => {
    const plans = Array.from(
      { length: 50 },
      (_, i) =>
        ({
          namespace: 'default',
          name: `plan-${i}`,
          title: `Plan ${i}`,
          entityRefs: [],
          document: {
            spec: { components: [{ name: 'cache', stateless: 'x' }] },
          },
        } as unknown as RecoveryPlanDetails),
    );
    const evaluated: string[] = [];
    // Stores that answer at once, as better-sqlite3 does.
    const evaluator = new RecoveryEvaluator({
      runbookStore: { listRecoveryPlans: async () => plans } as any,
      eventStore: {
        listForPlan: async (plan: RecoveryPlanDetails) => {
          evaluated.push(plan.name);
          return new Map();
        },
        prune: async () => 0,
      } as any,
      stateStore: {
        record: async () => [],
        prune: async () => 0,
        markNotified: async () => {},
      } as any,
      violationStore: {
        reconcile: async () => ({ opened: [], resolved: [] }),
        dueReminders: async () => [],
      } as any,
      remindEveryMs: 86400_000,
      logger: mockServices.logger.mock(),
      history: { maxEventsPerComponent: 10, maxTransitionsPerComponent: 10 },
    });
    let servedAfter: number | undefined;
    const running = evaluator.evaluateAll();
    // A request arriving as the evaluation starts: its callback is queued
    // behind the plans it has not reached yet, not behind all of them.
    setImmediate(() => {
      servedAfter = evaluated.length;
    });
    const result = await running;
    expect(result.plans).toBe(50);
    expect(evaluated).toHaveLength(50);
    expect(servedAfter).toBeLessThan(5);
  });
});
