import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  evaluateComponent,
  type RecoveryPlanDetails,
  type RecoveryPlanStatus,
  recoveryPlanJsonSchema,
  worstState,
} from '@reliability-suite/plugin-reliability-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DatabaseBackupEventStore } from '../backups/DatabaseBackupEventStore';
import { RecoveryOverviewService } from './RecoveryOverviewService';
import { entityRefParam } from '../runbooks/runbookRoutes';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { SpecRouter } from '../schema/openapi/generated/router';

// The runbooks a plan's drills and scenarios name that are not indexed now:
// checked when the plan is read, so the answer follows every index pass.
async function withUnresolvedRunbooks(
  store: RunbookStore,
  eventStore: DatabaseBackupEventStore,
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
  return {
    ...plan,
    unresolvedRunbooks: unresolved,
    status: await planStatus(eventStore, plan),
  };
}

// Each component against what was reported for it, evaluated now.
async function planStatus(
  eventStore: DatabaseBackupEventStore,
  plan: RecoveryPlanDetails,
): Promise<RecoveryPlanStatus> {
  const events = await eventStore.listForPlan(plan);
  const now = new Date();
  const components = plan.document.spec.components.map(c =>
    evaluateComponent(c, plan.document.spec, events.get(c.name) ?? [], now),
  );
  return {
    state: worstState(components.map(c => c.state)),
    evaluatedAt: now.toISOString(),
    components,
  };
}

/** The recovery plan API: the plans covering an entity, one plan, the schema. */
export function registerRecoveryPlanRoutes(
  router: SpecRouter,
  options: {
    httpAuth: HttpAuthService;
    store: RunbookStore;
    eventStore: DatabaseBackupEventStore;
    catalog: CatalogService;
  },
) {
  const { httpAuth, store, eventStore } = options;
  const overview = new RecoveryOverviewService(options.catalog);

  router.get('/recovery/overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const plans = await Promise.all(
      (
        await store.listRecoveryPlans({})
      ).map(plan => withUnresolvedRunbooks(store, eventStore, plan)),
    );
    res.json(await overview.overview(plans, credentials));
  });

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
        plans.map(plan => withUnresolvedRunbooks(store, eventStore, plan)),
      ),
    });
  });

  router.get('/recovery-plans/:namespace/:name', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { namespace, name } = req.params;
    const plan = await store.getRecoveryPlan(namespace, name);
    if (!plan) throw new NotFoundError(`No recovery plan ${namespace}/${name}`);
    res.json(await withUnresolvedRunbooks(store, eventStore, plan));
  });
}
