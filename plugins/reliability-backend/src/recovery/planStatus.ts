import {
  evaluateComponent,
  evaluateDataTypes,
  type RecoveryPlanDetails,
  type RecoveryPlanStatus,
  worstState,
} from '@reliability-suite/plugin-reliability-common';
import type { BackupEventStore } from '../backups/BackupEventStore';

/** Each component of a plan against what was reported for it, at `now`. */
export async function planStatus(
  eventStore: BackupEventStore,
  plan: RecoveryPlanDetails,
  now = new Date(),
): Promise<RecoveryPlanStatus> {
  const events = await eventStore.listForPlan(plan);
  const components = plan.document.spec.components.map(c =>
    evaluateComponent(c, plan.document.spec, events.get(c.name) ?? [], now),
  );
  const dataTypes = evaluateDataTypes(
    plan.document.spec.dataTypes ?? [],
    components,
    now,
  );
  return {
    // A data type whose RPO is stricter than its components' counts too.
    state: worstState([...components, ...dataTypes].map(c => c.state)),
    evaluatedAt: now.toISOString(),
    components,
    ...(dataTypes.length ? { dataTypes } : {}),
  };
}
