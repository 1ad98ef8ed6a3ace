import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  reliabilityPermissions,
  reliabilityPostmortemDeletePermission,
  reliabilityPostmortemPublishPermission,
  reliabilityPostmortemUpdatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseBackupEventStore } from './backups/DatabaseBackupEventStore';
import { DatabasePostmortemStore } from './postmortems/DatabasePostmortemStore';
import {
  postmortemPermissionRules,
  postmortemResourceRef,
} from '@reliability-suite/plugin-reliability-node';
import { EntityOverviewService } from './entities/EntityOverviewService';
import { DatabaseHealth } from './health/DatabaseHealth';
import { DatabaseRunbookStore } from './runbooks/DatabaseRunbookStore';
import { RunbookIndexer } from './runbooks/RunbookIndexer';
import { createRouter } from './service/router';
import { readSeverities } from './severities/severityConfig';

/**
 * The reliability backend plugin: runbooks, backups, severities, incidents and
 * postmortems, served under /api/reliability.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        logger,
        config,
        auth,
        httpAuth,
        httpRouter,
        database,
        scheduler,
        urlReader,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        permissionsRegistry.addPermissions(reliabilityPermissions);
        const severities = readSeverities(config);
        const runbookStore = await DatabaseRunbookStore.create({ database });
        const postmortemStore = await DatabasePostmortemStore.create({
          database,
        });
        const backupEventStore = await DatabaseBackupEventStore.create({
          database,
        });
        // Postmortems are resources of this plugin: policies can decide on
        // them with conditions (author, owner, owner of a linked entity).
        permissionsRegistry.addResourceType({
          resourceRef: postmortemResourceRef,
          permissions: [
            reliabilityPostmortemUpdatePermission,
            reliabilityPostmortemPublishPermission,
            reliabilityPostmortemDeletePermission,
          ],
          rules: Object.values(postmortemPermissionRules),
          getResources: ids => postmortemStore.getMany(ids),
        });
        const runbookIndexer = new RunbookIndexer({
          store: runbookStore,
          catalog,
          auth,
          urlReader,
          integrations: ScmIntegrations.fromConfig(config),
          logger: logger.child({ task: 'runbook-index' }),
          config,
          severities: severities.map(s => s.id),
        });

        // Global scope: with PostgreSQL, one backend instance at a time runs it.
        const scheduleKey = 'reliability.runbooks.schedule';
        await scheduler.scheduleTask({
          id: 'reliability-runbook-index',
          scope: 'global',
          ...(config.has(scheduleKey)
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                config.getConfig(scheduleKey),
              )
            : {
                frequency: { minutes: 10 },
                timeout: { minutes: 5 },
                initialDelay: { seconds: 20 },
              }),
          fn: () => runbookIndexer.indexAll(),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            logger,
            databaseHealth: new DatabaseHealth(() => database.getClient()),
            entityOverview: new EntityOverviewService(catalog),
            permissions,
            auth,
            catalog,
            runbookStore,
            runbookIndexer,
            postmortemStore,
            backupEventStore,
            severities,
            startedAt: new Date(),
          }),
        );
        // Load balancers and uptime probes call the health check without a
        // token; editors fetch the runbook schema without one.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({
          path: '/schemas',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
