/**
 * A reliability backend module that reads backup runs and restore drills
 * from Prometheus metrics, and alerting rules from Prometheus' rules API, on
 * a schedule.
 *
 * @packageDocumentation
 */

export { reliabilityModulePrometheus as default } from './module';
export {
  PrometheusBackupSource,
  type PrometheusBackupMapping,
} from './PrometheusBackupSource';
export { PrometheusRuleSource } from './PrometheusRuleSource';
export type { PrometheusServer } from './server';
