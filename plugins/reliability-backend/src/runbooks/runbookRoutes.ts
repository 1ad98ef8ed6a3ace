import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { requirePermission } from '../auth/authorize';
import {
  reliabilityRunbookRefreshPermission,
  runbookJsonSchema,
  type SeverityLevel,
  runbookSkill,
  runbookSkillName,
  type RunbookDetails,
} from '@reliability-suite/plugin-reliability-common';
import { renderRunbooksHtml } from './renderRunbooksHtml';
import { entityRefParam } from '../service/params';
import type { SpecRouter } from '../schema/openapi/generated/router';
import type { RunbookIndexer } from './RunbookIndexer';
import type { RunbookStore } from './RunbookStore';
import type { CatalogVisibility } from '../auth/visibility';
import { readerCredentials, type ApiRequest } from '../auth/credentials';
import { pageParams, pageWithCount } from '../paging';

/** The largest page of `GET /runbooks?view=full`, and the page when none is asked for. */
export const MAX_FULL_RUNBOOK_PAGE = 100;

export interface RunbookRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: RunbookStore;
  indexer: RunbookIndexer;
  severities: SeverityLevel[];
  visibility: CatalogVisibility;
  /** `app.baseUrl`: a skill names the runbook's page there. */
  portalBaseUrl?: string;
}

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ALERT = /^[A-Za-z_:][A-Za-z0-9_:.-]{0,199}$/;

/** The runbook API: lists per entity, one runbook, the alert lookup, index state, refresh. */
export function registerRunbookRoutes(
  router: SpecRouter,
  options: RunbookRoutesOptions,
) {
  const { httpAuth, permissions, store, indexer, severities, visibility } =
    options;
  const skillOf = (runbook: RunbookDetails) =>
    runbookSkill(runbook.document, {
      portalUrl: options.portalBaseUrl
        ? `${options.portalBaseUrl.replace(/\/$/, '')}/reliability/runbooks/${
            runbook.namespace
          }/${runbook.name}`
        : undefined,
    });
  const reader = (req: ApiRequest) => readerCredentials(httpAuth, req);
  // Runbooks naming an entity the caller may not read are left out.
  const visible = <T extends { entityRefs?: string[] }>(
    credentials: BackstageCredentials,
    items: T[],
  ) => visibility.visible(credentials, items, r => r.entityRefs ?? []);

  // For editors (`# yaml-language-server: $schema=…`): needs no token.
  router.get('/schemas/runbook.json', (_req, res) => {
    res.json(runbookJsonSchema);
  });

  router.get('/runbooks', async (req, res) => {
    const credentials = await reader(req);
    // ?view=full: runbooks with every section (what search indexes), a
    // page at a time; those naming a hidden entity are left out in the
    // query, so that pages and the count agree.
    if (req.query.view === 'full') {
      const page = pageParams(req.query, MAX_FULL_RUNBOOK_PAGE);
      const filter = {
        hiddenEntityRefs: await visibility.hiddenAmong(credentials, () =>
          store.runbookEntityRefs(),
        ),
      };
      res.json(
        await pageWithCount(
          page,
          () => store.listRunbookDetails({ ...filter, ...page }),
          () => store.countRunbooks(filter),
        ),
      );
      return;
    }
    const entityRef =
      req.query.entityRef === undefined
        ? undefined
        : entityRefParam(req.query.entityRef);
    res.json({
      items: await visible(
        credentials,
        await store.listRunbooks({ entityRef }),
      ),
    });
  });

  router.get('/runbooks/index-status', async (req, res) => {
    await reader(req);
    const entityRef = entityRefParam(req.query.entityRef);
    const locations = await store.listLocations({ entityRef });
    const problems = await store.listProblems({ entityRef });
    res.json({ locations, problems });
  });

  // Break-glass export: one self-contained HTML file of an entity's runbooks,
  // or of every runbook of a severity, to keep off-platform.
  router.get('/runbooks/export', async (req, res) => {
    const credentials = await reader(req);
    const { entityRef: rawRef, severity } = req.query;
    if ((rawRef === undefined) === (severity === undefined)) {
      throw new InputError('give either entityRef or severity');
    }
    let filter;
    let label;
    if (rawRef !== undefined) {
      const entityRef = entityRefParam(rawRef);
      filter = { entityRef };
      label = entityRef;
    } else {
      const level = severities.find(s => s.id === severity);
      if (!level) {
        throw new InputError(
          `severity must be one of ${severities.map(s => s.id).join(', ')}`,
        );
      }
      filter = { severity: level.id };
      label = `severity ${level.id}`;
    }
    const generatedAt = new Date();
    const html = renderRunbooksHtml({
      title: `Runbooks: ${label}`,
      runbooks: await visible(
        credentials,
        await store.listRunbookDetails(filter),
      ),
      severities,
      generatedAt,
    });
    const fileName = `runbooks-${label.replace(
      /[^a-z0-9]+/gi,
      '-',
    )}-${generatedAt.toISOString().slice(0, 10)}.html`;
    res
      .status(200)
      .type('text/html; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${fileName}"`)
      // The portal runs on another origin: let it read the file name.
      .set('Access-Control-Expose-Headers', 'Content-Disposition')
      .set(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'",
      )
      .send(html);
  });

  router.get('/runbooks/by-alert/:alertName', async (req, res) => {
    const credentials = await reader(req);
    const { alertName } = req.params;
    if (!ALERT.test(alertName)) {
      throw new InputError(`${JSON.stringify(alertName)} is not an alert name`);
    }
    // Every query parameter is an alert label, e.g. ?namespace=insights.
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.query)) {
      if (typeof value === 'string') labels[key] = value;
    }
    res.json({
      items: await visible(
        credentials,
        await store.findByAlert(alertName, labels),
      ),
    });
  });

  // Runbooks as agent skills: SKILL.md, front matter and the procedure.
  router.get('/runbooks/skills', async (req, res) => {
    const credentials = await reader(req);
    const entityRef = entityRefParam(req.query.entityRef);
    const runbooks = await visible(
      credentials,
      await store.listRunbookDetails({ entityRef }),
    );
    res.json({
      items: runbooks.map(r => {
        const name = runbookSkillName(r.document);
        return { name, path: `${name}/SKILL.md`, content: skillOf(r) };
      }),
    });
  });

  router.get('/runbooks/:namespace/:name/skill', async (req, res) => {
    const credentials = await reader(req);
    const { namespace, name } = req.params;
    const runbook = await visibility.readable(
      credentials,
      await store.getRunbook(namespace, name),
      `runbook ${namespace}/${name}`,
    );
    res.type('text/markdown; charset=utf-8').send(skillOf(runbook));
  });

  router.get('/runbooks/:namespace/:name', async (req, res) => {
    const credentials = await reader(req);
    const { namespace, name } = req.params;
    if (!NAME.test(namespace) || !NAME.test(name)) {
      throw new InputError(
        'namespace and name must be lower-case letters, digits and dashes',
      );
    }
    const runbook = await visibility.readable(
      credentials,
      await store.getRunbook(namespace, name),
      `runbook ${namespace}/${name}`,
    );
    res.json(runbook);
  });

  // Re-index one entity's runbooks now. Authorized per entity: the demo
  // policy allows it to the entity's owners.
  router.post('/runbooks/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefParam(req.body?.entityRef);
    await requirePermission(
      permissions,
      credentials,
      reliabilityRunbookRefreshPermission,
      `You may not re-index the runbooks of ${entityRef}`,
      entityRef,
    );
    await indexer.indexEntity(entityRef, { full: req.body?.full === true });
    const locations = await store.listLocations({ entityRef });
    const problems = await store.listProblems({ entityRef });
    res.json({ locations, problems });
  });
}
