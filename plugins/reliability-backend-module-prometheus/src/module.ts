import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilityBackupsExtensionPoint } from '@reliability-suite/plugin-reliability-node';
import { PrometheusBackupSource } from './PrometheusBackupSource';

/**
 * Adds every Prometheus of `reliability.backups.prometheus` as a backup
 * source of the reliability backend, through its extension point.
 *
 * @public
 */
export const reliabilityModulePrometheus = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        backups: reliabilityBackupsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ backups, config, logger }) {
        for (const source of config.getOptionalConfigArray(
          'reliability.backups.prometheus',
        ) ?? []) {
          backups.addSource(
            PrometheusBackupSource.fromConfig(source, { logger }),
          );
        }
      },
    });
  },
});
