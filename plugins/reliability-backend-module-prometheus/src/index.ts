/**
 * A reliability backend module that reads backup runs and restore drills
 * from Prometheus metrics on a schedule.
 *
 * @packageDocumentation
 */

export { reliabilityModulePrometheus as default } from './module';
export {
  PrometheusBackupSource,
  type PrometheusBackupMapping,
} from './PrometheusBackupSource';
