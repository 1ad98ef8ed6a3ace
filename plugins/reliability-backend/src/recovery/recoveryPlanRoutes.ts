import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { recoveryPlanJsonSchema } from '@reliability-suite/plugin-reliability-common';
import { entityRefParam } from '../runbooks/runbookRoutes';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { SpecRouter } from '../schema/openapi/generated/router';

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
    res.json({
      items: await store.listRecoveryPlans({
        entityRef: entityRefParam(req.query.entityRef),
      }),
    });
  });

  router.get('/recovery-plans/:namespace/:name', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { namespace, name } = req.params;
    const plan = await store.getRecoveryPlan(namespace, name);
    if (!plan) throw new NotFoundError(`No recovery plan ${namespace}/${name}`);
    res.json(plan);
  });
}
