import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { reliabilityPermissions } from '@internal/plugin-reliability-common';
import { EntityOverviewService } from './entities/EntityOverviewService';
import { DatabaseHealth } from './health/DatabaseHealth';
import { createRouter } from './service/router';

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
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        database: coreServices.database,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        logger,
        httpAuth,
        httpRouter,
        database,
        permissionsRegistry,
        catalog,
      }) {
        permissionsRegistry.addPermissions(reliabilityPermissions);

        httpRouter.use(
          await createRouter({
            httpAuth,
            logger,
            databaseHealth: new DatabaseHealth(() => database.getClient()),
            entityOverview: new EntityOverviewService(catalog),
            startedAt: new Date(),
          }),
        );
        // Load balancers and uptime probes call the health check without a
        // token; it reveals nothing but whether the database answers.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
