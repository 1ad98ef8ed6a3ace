import type {
  AuthService,
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { PostmortemStore } from '../postmortems/PostmortemStore';
import { registerPostmortemRoutes } from '../postmortems/postmortemRoutes';
import { InputError } from '@backstage/errors';
import type {
  IncidentRole,
  ReliabilityHealth,
  SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import express from 'express';
import { createOpenApiRouter, spec } from '../schema/openapi/generated/router';
import { auditWrites } from './auditWrites';
import { z } from 'zod';
import type { EntityOverviewService } from '../entities/EntityOverviewService';
import type { DatabaseHealth } from '../health/DatabaseHealth';
import type {
  BackupImporter,
  PostmortemResource,
} from '@reliability-suite/plugin-reliability-node';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import type { BackupIngest } from '../backups/BackupIngest';
import type { BackupSourceRunner } from '../backups/BackupSourceRunner';
import type { ReporterScopes } from '../backups/reporterScopes';
import { readerCredentials } from '../auth/credentials';
import { CatalogVisibility } from '../auth/visibility';
import type { BackupEventStore } from '../backups/BackupEventStore';
import type { RecoveryStateStore } from '../recovery/RecoveryStateStore';
import type { RecoveryViolationStore } from '../recovery/RecoveryViolationStore';
import { registerViolationRoutes } from '../recovery/violationRoutes';
import type { IncidentStore } from '../incidents/IncidentStore';
import { registerIncidentRoutes } from '../incidents/incidentRoutes';
import type { IncidentService } from '../incidents/IncidentService';
import { IncidentContextService } from '../incidents/IncidentContextService';
import { registerBackupRoutes } from '../backups/backupRoutes';
import { registerRecoveryPlanRoutes } from '../recovery/recoveryPlanRoutes';
import { registerRunbookRoutes } from '../runbooks/runbookRoutes';
import type { RunbookIndexer } from '../runbooks/RunbookIndexer';
import type { RunbookStore } from '../runbooks/RunbookStore';
import { registerSeverityRoutes } from '../severities/severityRoutes';
import type { AlertCoverageService } from '../alerts/AlertCoverageService';
import { registerAlertRoutes } from '../alerts/alertRoutes';

export interface RouterOptions {
  /** `app.baseUrl`, where the portal's pages are. */
  portalBaseUrl?: string;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  databaseHealth: DatabaseHealth;
  entityOverview: EntityOverviewService;
  permissions: PermissionsService;
  auth: AuthService;
  catalog: CatalogService;
  runbookStore: RunbookStore;
  postmortemStore: PostmortemStore;
  backupEventStore: BackupEventStore;
  recoveryStateStore: RecoveryStateStore;
  recoveryViolationStore: RecoveryViolationStore;
  backupIngest: BackupIngest;
  backupImporters: Map<string, BackupImporter>;
  backupSources: BackupSourceRunner;
  reporterScopes: ReporterScopes;
  incidentStore: IncidentStore;
  incidentService: IncidentService;
  incidentRoles: IncidentRole[];
  postmortemRules: PermissionRuleset<PostmortemResource>;
  runbookIndexer: RunbookIndexer;
  alertCoverage: AlertCoverageService;
  severities: SeverityLevel[];
  startedAt: Date;
}

// Entity ref parts as the catalog accepts them; anything else is refused
// before it reaches the catalog.
const refPart = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'is not a valid entity ref part');
const entityPathParams = z.object({
  namespace: refPart,
  kind: refPart,
  name: refPart,
});

/** The HTTP API of the reliability backend; mounted at /api/reliability. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, databaseHealth, entityOverview, startedAt } = options;
  const visibility = new CatalogVisibility({
    permissions: options.permissions,
    catalog: options.catalog,
  });
  // Generated from openapi.yaml: every request is checked against the
  // document before a handler runs, and only its routes can be added.
  const router = await createOpenApiRouter({
    middleware: [
      express.json({ limit: '1mb' }),
      auditWrites(options.auditor, spec.paths),
    ],
  });

  router.get('/health', async (_req, res) => {
    const database = await databaseHealth.check();
    const body: ReliabilityHealth = {
      status: database.reachable ? 'ok' : 'degraded',
      database,
      startedAt: startedAt.toISOString(),
    };
    res.status(database.reachable ? 200 : 503).json(body);
  });

  router.get('/entities/:namespace/:kind/:name/overview', async (req, res) => {
    const parsed = entityPathParams.safeParse(req.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`Entity ${issue.path.join('.')} ${issue.message}`);
    }
    const credentials = await readerCredentials(httpAuth, req);
    res.json(await entityOverview.getOverview(parsed.data, credentials));
  });

  registerSeverityRoutes(router, {
    httpAuth,
    severities: options.severities,
  });
  registerRunbookRoutes(router, {
    httpAuth,
    permissions: options.permissions,
    store: options.runbookStore,
    indexer: options.runbookIndexer,
    severities: options.severities,
    visibility,
    portalBaseUrl: options.portalBaseUrl,
  });

  registerRecoveryPlanRoutes(router, {
    httpAuth,
    store: options.runbookStore,
    eventStore: options.backupEventStore,
    stateStore: options.recoveryStateStore,
    violationStore: options.recoveryViolationStore,
    catalog: options.catalog,
    visibility,
  });
  registerViolationRoutes(router, {
    httpAuth,
    permissions: options.permissions,
    store: options.runbookStore,
    eventStore: options.backupEventStore,
    violationStore: options.recoveryViolationStore,
    visibility,
  });
  registerBackupRoutes(router, {
    httpAuth,
    permissions: options.permissions,
    ingest: options.backupIngest,
    importers: options.backupImporters,
    sources: options.backupSources,
    scopes: options.reporterScopes,
  });

  registerAlertRoutes(router, {
    httpAuth,
    coverage: options.alertCoverage,
    visibility,
  });

  registerIncidentRoutes(router, {
    httpAuth,
    permissions: options.permissions,
    store: options.incidentStore,
    service: options.incidentService,
    roles: options.incidentRoles,
    postmortemRules: options.postmortemRules,
    visibility,
    runbookStore: options.runbookStore,
    context: new IncidentContextService({
      catalog: options.catalog,
      runbookStore: options.runbookStore,
      eventStore: options.backupEventStore,
      incidentStore: options.incidentStore,
      postmortemStore: options.postmortemStore,
      visibility,
    }),
  });

  registerPostmortemRoutes(router, {
    httpAuth,
    auth: options.auth,
    permissions: options.permissions,
    catalog: options.catalog,
    store: options.postmortemStore,
    severities: options.severities.map(s => s.id),
    visibility,
    onDeleted: (postmortemId, actor) =>
      options.incidentService.postmortemDeleted(postmortemId, {
        ref: actor,
        source: 'portal',
        at: new Date(),
      }),
  });

  // At run time it is an express router; the narrower type is for adding routes.
  return router as unknown as express.Router;
}
