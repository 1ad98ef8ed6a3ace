import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  reliabilityAlertRulesExtensionPoint,
  reliabilityBackupsExtensionPoint,
} from '@reliability-suite/plugin-reliability-node';
import { PrometheusBackupSource } from './PrometheusBackupSource';
import { PrometheusRuleSource } from './PrometheusRuleSource';

/**
 * Adds every Prometheus of `reliability.backups.prometheus` as a backup
 * source of the reliability backend, and every one of
 * `reliability.alerts.prometheus` as an alert rule source, through its
 * extension points.
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
        alertRules: reliabilityAlertRulesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ backups, alertRules, config, logger }) {
        for (const source of config.getOptionalConfigArray(
          'reliability.alerts.prometheus',
        ) ?? []) {
          alertRules.addRuleSource(PrometheusRuleSource.fromConfig(source));
        }
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
