import {
  type ComplianceState,
  type ComponentRecoveryStatus,
  worstState,
} from '../backups/status';
import type { RecoveryPlanDetails } from './types';

/**
 * The components of a plan that judge one entity: all of them for an entity
 * the plan is about (its `spec.entityRefs`), only its own for the entity of
 * a component — the object store is not violated because Vault's drill is
 * overdue.
 *
 * @public
 */
export function componentsJudging(
  plan: Pick<RecoveryPlanDetails, 'document' | 'status'>,
  entityRef: string,
): ComponentRecoveryStatus[] {
  const statuses = plan.status?.components ?? [];
  const { spec } = plan.document;
  if (spec.entityRefs?.includes(entityRef)) return statuses;
  const own = new Set(
    spec.components.filter(c => c.entityRef === entityRef).map(c => c.name),
  );
  return statuses.filter(s => own.has(s.component));
}

/**
 * How one entity stands in a plan: the worst state of the components that
 * judge it, or undefined when the plan has not been judged or names none of
 * its components.
 *
 * @public
 */
export function entityStateIn(
  plan: Pick<RecoveryPlanDetails, 'document' | 'status'>,
  entityRef: string,
): ComplianceState | undefined {
  const judging = componentsJudging(plan, entityRef);
  return judging.length ? worstState(judging.map(s => s.state)) : undefined;
}

/**
 * The runbooks a plan's drills and scenarios name, as `namespace/name` (a
 * bare name in the plan's namespace), each with where the plan names it.
 *
 * @public
 */
export function planRunbookRefs(
  plan: Pick<RecoveryPlanDetails, 'document'>,
): Array<{ ref: string; path: (string | number)[] }> {
  const { spec, metadata } = plan.document;
  const full = (ref: string) => qualifyRunbookRef(ref, metadata.namespace);
  return [
    ...spec.components.flatMap((c, i) =>
      c.drill?.runbook
        ? [
            {
              ref: full(c.drill.runbook),
              path: ['spec', 'components', i, 'drill', 'runbook'],
            },
          ]
        : [],
    ),
    ...(spec.scenarios ?? []).flatMap((s, i) =>
      s.runbook
        ? [
            {
              ref: full(s.runbook),
              path: ['spec', 'scenarios', i, 'runbook'],
            },
          ]
        : [],
    ),
  ];
}

/**
 * A runbook a plan names, `namespace/name` or `name`, as `namespace/name`:
 * a bare name is in the plan's namespace.
 *
 * @public
 */
export function qualifyRunbookRef(ref: string, planNamespace = 'default') {
  return ref.includes('/') ? ref : `${planNamespace}/${ref}`;
}
