import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  planRunbookRefs,
  type RecoveryPlanDetails,
  type RecoveryPlanHistory,
  recoveryPlanJsonSchema,
} from '@reliability-suite/plugin-reliability-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { BackupEventStore } from '../backups/BackupEventStore';
import type { RecoveryStateStore } from './RecoveryStateStore';
import type { RecoveryViolationStore } from './RecoveryViolationStore';
import { describeViolation } from './violationRoutes';
import { planStatus } from './planStatus';
import { recoveryFacts } from './recoveryFacts';
import { RecoveryOverviewService } from './RecoveryOverviewService';
import { entityRefParam } from '../service/params';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { SpecRouter } from '../schema/openapi/generated/router';
import type { CatalogVisibility } from '../auth/visibility';
import { readerCredentials, type ApiRequest } from '../auth/credentials';

// The runbooks a plan's drills and scenarios name that are not indexed now:
// checked when the plan is read, so the answer follows every index pass.
async function withUnresolvedRunbooks(
  store: RunbookStore,
  eventStore: BackupEventStore,
  plan: RecoveryPlanDetails,
): Promise<RecoveryPlanDetails> {
  const refs = planRunbookRefs(plan).map(r => r.ref);
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

/** The recovery plan API: the plans covering an entity, one plan, the schema. */
export function registerRecoveryPlanRoutes(
  router: SpecRouter,
  options: {
    httpAuth: HttpAuthService;
    store: RunbookStore;
    eventStore: BackupEventStore;
    stateStore: RecoveryStateStore;
    violationStore: RecoveryViolationStore;
    catalog: CatalogService;
    visibility: CatalogVisibility;
  },
) {
  const { httpAuth, store, eventStore, stateStore, visibility } = options;
  const { violationStore } = options;
  const reader = (req: ApiRequest) => readerCredentials(httpAuth, req);
  // The plans covering only entities the caller may read.
  const visiblePlans = async (
    credentials: BackstageCredentials,
    filter: { entityRef?: string },
  ) =>
    visibility.visible(
      credentials,
      await store.listRecoveryPlans(filter),
      p => p.entityRefs,
    );
  const readablePlan = async (
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
  ) =>
    visibility.readable(
      credentials,
      await store.getRecoveryPlan(namespace, name),
      `recovery plan ${namespace}/${name}`,
    );
  const withStatus = (plans: RecoveryPlanDetails[]) =>
    Promise.all(plans.map(p => withUnresolvedRunbooks(store, eventStore, p)));
  const overview = new RecoveryOverviewService(options.catalog);

  router.get('/recovery/overview', async (req, res) => {
    const credentials = await reader(req);
    const plans = await withStatus(await visiblePlans(credentials, {}));
    res.json(await overview.overview(plans, credentials));
  });

  // For editors (`# yaml-language-server: $schema=…`): needs no token.
  router.get('/schemas/recovery-plan.json', (_req, res) => {
    res.json(recoveryPlanJsonSchema);
  });

  // For scorecards (Tech Insights fact retrievers, Soundcheck): each
  // covered entity's state from the plans and the reports alone, without
  // the catalog.
  router.get('/facts/recovery', async (req, res) => {
    const credentials = await reader(req);
    const entityRef =
      req.query.entityRef !== undefined
        ? entityRefParam(req.query.entityRef)
        : undefined;
    const plans = await withStatus(
      await visiblePlans(credentials, entityRef ? { entityRef } : {}),
    );
    res.json(recoveryFacts(plans, { entityRef }));
  });

  router.get('/recovery-plans', async (req, res) => {
    const credentials = await reader(req);
    const plans = await visiblePlans(credentials, {
      entityRef: entityRefParam(req.query.entityRef),
    });
    res.json({ items: await withStatus(plans) });
  });

  router.get('/recovery-plans/:namespace/:name/history', async (req, res) => {
    const credentials = await reader(req);
    const { namespace, name } = req.params;
    const plan = await readablePlan(credentials, namespace, name);
    const [events, transitions, violations] = await Promise.all([
      eventStore.listForPlan(plan),
      stateStore.listTransitions(plan),
      violationStore.list({ state: 'all', plan }),
    ]);
    const body: RecoveryPlanHistory = {
      components: plan.document.spec.components.map(c => ({
        component: c.name,
        events: events.get(c.name) ?? [],
        transitions: transitions.get(c.name) ?? [],
        violations: violations
          .filter(v => v.component === c.name)
          .map(v => describeViolation(v, plan)),
      })),
    };
    res.json(body);
  });

  router.get('/recovery-plans/:namespace/:name', async (req, res) => {
    const credentials = await reader(req);
    const { namespace, name } = req.params;
    const plan = await readablePlan(credentials, namespace, name);
    res.json(await withUnresolvedRunbooks(store, eventStore, plan));
  });
}
