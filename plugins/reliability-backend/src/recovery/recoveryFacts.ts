import {
  COMPLIANCE_ORDER,
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
    const statuses = plan.status?.components ?? [];
    for (const ref of plan.document.spec.entityRefs ?? []) {
      add(ref, id, statuses);
    }
    for (const c of plan.document.spec.components) {
      if (!c.entityRef || plan.document.spec.entityRefs?.includes(c.entityRef))
        continue;
      add(
        c.entityRef,
        id,
        statuses.filter(s => s.component === c.name),
      );
    }
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
