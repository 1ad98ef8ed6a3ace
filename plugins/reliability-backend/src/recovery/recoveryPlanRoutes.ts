import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  type RecoveryPlanDetails,
  recoveryPlanJsonSchema,
} from '@reliability-suite/plugin-reliability-common';
import { entityRefParam } from '../runbooks/runbookRoutes';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { SpecRouter } from '../schema/openapi/generated/router';

// The runbooks a plan's drills and scenarios name that are not indexed now:
// checked when the plan is read, so the answer follows every index pass.
async function withUnresolvedRunbooks(
  store: RunbookStore,
  plan: RecoveryPlanDetails,
): Promise<RecoveryPlanDetails> {
  const { spec } = plan.document;
  const refs = [
    ...spec.components.flatMap(c =>
      c.drill?.runbook ? [c.drill.runbook] : [],
    ),
    ...(spec.scenarios ?? []).flatMap(s => (s.runbook ? [s.runbook] : [])),
  ].map(ref => (ref.includes('/') ? ref : `${plan.namespace}/${ref}`));
  const unresolved: string[] = [];
  for (const ref of new Set(refs)) {
    const [namespace, name] = ref.split('/');
    if (!(await store.getRunbook(namespace, name))) unresolved.push(ref);
  }
  return { ...plan, unresolvedRunbooks: unresolved };
}

/** The recovery plan API: the plans covering an entity, one plan, the schema. */
export function registerRecoveryPlanRoutes(
  router: SpecRouter,
  options: { httpAuth: HttpAuthService; store: RunbookStore },
) {
  const { httpAuth, store } = options;

  // For editors (`# yaml-language-server: $schema=…`): needs no token.
  router.get('/schemas/recovery-plan.json', (_req, res) => {
    res.json(recoveryPlanJsonSchema);
  });

  router.get('/recovery-plans', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const plans = await store.listRecoveryPlans({
      entityRef: entityRefParam(req.query.entityRef),
    });
    res.json({
      items: await Promise.all(
        plans.map(plan => withUnresolvedRunbooks(store, plan)),
      ),
    });
  });

  router.get('/recovery-plans/:namespace/:name', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { namespace, name } = req.params;
    const plan = await store.getRecoveryPlan(namespace, name);
    if (!plan) throw new NotFoundError(`No recovery plan ${namespace}/${name}`);
    res.json(await withUnresolvedRunbooks(store, plan));
  });
}
