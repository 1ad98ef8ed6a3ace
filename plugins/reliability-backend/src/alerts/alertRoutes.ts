import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { readerCredentials, type ApiRequest } from '../auth/credentials';
import type { CatalogVisibility } from '../auth/visibility';
import type { SpecRouter } from '../schema/openapi/generated/router';
import { entityRefParam } from '../service/params';
import { alertFacts } from '@reliability-suite/plugin-reliability-common';
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

  // The coverage the caller may see, of one entity or of all: what names an
  // entity the caller may not read is left out, and a runbook folder's rule
  // files are shown beside its own entity.
  const visibleCoverage = async (req: ApiRequest, query: unknown) => {
    const credentials = await reader(req);
    const raw = (query as { entityRef?: string }).entityRef;
    const entityRef = raw === undefined ? undefined : entityRefParam(raw);
    const all = await coverage.coverage();
    const about = (refs: string[]) => !entityRef || refs.includes(entityRef);
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
    const sources = await visibility.visible(
      credentials,
      all.sources.filter(
        s => !s.entityRef || !entityRef || s.entityRef === entityRef,
      ),
      s => (s.entityRef ? [s.entityRef] : []),
    );
    const answer = summarise(
      sources,
      alerts,
      deadTriggers,
      new Date(all.generatedAt),
    );
    return { answer, entityRef };
  };

  router.get('/alerts/coverage', async (req, res) => {
    res.json((await visibleCoverage(req, req.query)).answer);
  });

  router.get('/facts/alerts', async (req, res) => {
    const { answer, entityRef } = await visibleCoverage(req, req.query);
    const facts = alertFacts(answer);
    res.json(
      entityRef
        ? {
            ...facts,
            items: facts.items.filter(f => f.entityRef === entityRef),
          }
        : facts,
    );
  });
}
