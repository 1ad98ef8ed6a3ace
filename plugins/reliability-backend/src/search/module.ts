import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { RunbookCollatorFactory } from './RunbookCollatorFactory';

/**
 * Adds runbooks to Backstage search: `backend.add(searchModuleReliabilityRunbooks)`.
 * Schedule: `search.collators.reliabilityRunbooks.schedule` (default every
 * 10 minutes).
 *
 * @public
 */
export const searchModuleReliabilityRunbooks = createBackendModule({
  pluginId: 'search',
  moduleId: 'reliability-runbooks-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, discovery, auth, scheduler, indexRegistry }) {
        const key = 'search.collators.reliabilityRunbooks.schedule';
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            config.has(key)
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  config.getConfig(key),
                )
              : {
                  frequency: { minutes: 10 },
                  timeout: { minutes: 5 },
                  initialDelay: { seconds: 30 },
                },
          ),
          factory: new RunbookCollatorFactory({ discovery, auth }),
        });
      },
    });
  },
});
