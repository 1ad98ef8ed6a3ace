import {
  COMPLIANCE_ORDER,
  componentsJudging,
  type ComplianceState,
  type ComponentRecoveryStatus,
  type EntityRecoveryFacts,
  type RecoveryFacts,
  type RecoveryPlanDetails,
  worstState,
} from '@reliability-suite/plugin-reliability-common';

const emptyCounts = () =>
  Object.fromEntries(COMPLIANCE_ORDER.map(s => [s, 0])) as Record<
    ComplianceState,
    number
  >;

/**
 * Each entity's recovery facts from the plans (with their status) alone: an
 * entity a plan names in `spec.entityRefs` is judged by all of the plan's
 * components, a component's own entity by that component.
 */
export function recoveryFacts(
  plans: RecoveryPlanDetails[],
  options: { entityRef?: string; now?: Date } = {},
): RecoveryFacts {
  const byEntity = new Map<
    string,
    { plans: Set<string>; statuses: ComponentRecoveryStatus[] }
  >();
  const add = (
    entityRef: string,
    plan: string,
    statuses: ComponentRecoveryStatus[],
  ) => {
    const entry = byEntity.get(entityRef) ?? {
      plans: new Set<string>(),
      statuses: [],
    };
    entry.plans.add(plan);
    entry.statuses.push(...statuses);
    byEntity.set(entityRef, entry);
  };
  for (const plan of plans) {
    const id = `${plan.namespace}/${plan.name}`;
    const refs = new Set([
      ...(plan.document.spec.entityRefs ?? []),
      ...plan.document.spec.components.flatMap(c =>
        c.entityRef ? [c.entityRef] : [],
      ),
    ]);
    for (const ref of refs) add(ref, id, componentsJudging(plan, ref));
  }

  const items: EntityRecoveryFacts[] = [...byEntity.entries()]
    .filter(([ref]) => !options.entityRef || ref === options.entityRef)
    .map(([entityRef, { plans: planIds, statuses }]) => {
      const components = emptyCounts();
      for (const s of statuses) components[s.state]++;
      const ages = statuses.flatMap(s =>
        s.backup.ageSeconds !== undefined ? [s.backup.ageSeconds] : [],
      );
      const drills = statuses
        .flatMap(s => (s.drill?.lastAt ? [s.drill.lastAt] : []))
        .sort();
      return {
        entityRef,
        state: worstState(statuses.map(s => s.state)),
        plans: [...planIds].sort(),
        components,
        ...(ages.length ? { maxBackupAgeSeconds: Math.max(...ages) } : {}),
        ...(drills.length ? { oldestDrillAt: drills[0] } : {}),
        reasons: statuses.flatMap(s =>
          s.reasons.map(r => `${s.component}: ${r}`),
        ),
      };
    })
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  return { generatedAt: (options.now ?? new Date()).toISOString(), items };
}
