import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { readerCredentials, type ApiRequest } from '../auth/credentials';
import type { CatalogVisibility } from '../auth/visibility';
import type { SpecRouter } from '../schema/openapi/generated/router';
import { entityRefParam } from '../service/params';
import { summarise, type AlertCoverageService } from './AlertCoverageService';

/** `GET /alerts/coverage`: the alerting rules against the runbooks. */
export function registerAlertRoutes(
  router: SpecRouter,
  options: {
    httpAuth: HttpAuthService;
    coverage: AlertCoverageService;
    visibility: CatalogVisibility;
  },
) {
  const { httpAuth, coverage, visibility } = options;
  const reader = (req: ApiRequest) => readerCredentials(httpAuth, req);

  router.get('/alerts/coverage/history', async (req, res) => {
    await reader(req);
    res.json({ items: await coverage.history(90) });
  });

  router.get('/alerts/coverage', async (req, res) => {
    const credentials = await reader(req);
    const entityRef =
      req.query.entityRef === undefined
        ? undefined
        : entityRefParam(req.query.entityRef);
    const all = await coverage.coverage();
    const about = (refs: string[]) => !entityRef || refs.includes(entityRef);
    // What names an entity the caller may not read is left out.
    const alerts = await visibility.visible(
      credentials,
      all.alerts.filter(a => about(a.entityRefs)),
      a => a.entityRefs,
    );
    const deadTriggers = await visibility.visible(
      credentials,
      all.deadTriggers.filter(t => about(t.entityRefs)),
      t => t.entityRefs,
    );
    // A runbook folder's rule files are shown with its entity's page, and
    // only to who may read the entity.
    const sources = await visibility.visible(
      credentials,
      all.sources.filter(
        s => !s.entityRef || !entityRef || s.entityRef === entityRef,
      ),
      s => (s.entityRef ? [s.entityRef] : []),
    );
    res.json(
      summarise(sources, alerts, deadTriggers, new Date(all.generatedAt)),
    );
  });
}
