import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { PostmortemCollatorFactory } from './PostmortemCollatorFactory';
import { RunbookCollatorFactory } from './RunbookCollatorFactory';

/**
 * Adds runbooks and published postmortems to Backstage search:
 * `backend.add(import('@reliability-suite/plugin-search-backend-module-reliability'))`.
 * Schedule: `search.collators.reliabilityRunbooks.schedule` (default every
 * 10 minutes).
 *
 * @public
 */
export const searchModuleReliability = createBackendModule({
  pluginId: 'search',
  moduleId: 'reliability-collator',
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
        const schedule = (key: string) =>
          scheduler.createScheduledTaskRunner(
            config.has(key)
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  config.getConfig(key),
                )
              : {
                  frequency: { minutes: 10 },
                  timeout: { minutes: 5 },
                  initialDelay: { seconds: 30 },
                },
          );
        indexRegistry.addCollator({
          schedule: schedule('search.collators.reliabilityRunbooks.schedule'),
          factory: new RunbookCollatorFactory({ discovery, auth }),
        });
        indexRegistry.addCollator({
          schedule: schedule(
            'search.collators.reliabilityPostmortems.schedule',
          ),
          factory: new PostmortemCollatorFactory({ discovery, auth }),
        });
      },
    });
  },
});
