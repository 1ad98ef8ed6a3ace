import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  reliability?: {
    alerts?: {
      /**
       * Prometheus-compatible rules APIs (`GET /api/v1/rules`: Prometheus,
       * Thanos, Mimir, VictoriaMetrics) whose alerting rules are checked
       * against the runbooks.
       */
      prometheus?: Array<{
        /** Unique among the rule sources, e.g. `cluster-a`. */
        id: string;
        /** The server, e.g. http://prometheus.monitoring:9090 (from config only). */
        baseUrl: string;
        /**
         * A bearer token for the server.
         * @visibility secret
         */
        token?: string;
        /** Default: every 10 minutes, 1 minute timeout. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      }>;
    };
    backups?: {
      /**
       * Prometheus servers to read backup and restore-drill results from, on
       * a schedule. Each mapping turns instant queries into the backup runs or
       * drills of one recovery plan component.
       */
      prometheus?: Array<{
        /** Unique among the sources, e.g. `cluster-a`. */
        id: string;
        /** The server, e.g. http://prometheus.monitoring:9090 (from config only). */
        baseUrl: string;
        /**
         * A bearer token for the server.
         * @visibility secret
         */
        token?: string;
        /** Default: every 5 minutes, 1 minute timeout. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        mappings: Array<{
          /** The component's own entity, or the plan's entity with `component`. */
          entityRef: string;
          component?: string;
          /** `backup` (default) or `drill`. */
          type?: 'backup' | 'drill';
          job?: string;
          /**
           * When the last good backup (or the last drill) finished, in epoch
           * seconds, e.g. `kube_cronjob_status_last_successful_time{cronjob="pg-backup"}`
           * or `backup_drill_last_run_timestamp_seconds`.
           */
          lastSuccessTime?: string;
          /**
           * Instead: how long ago it finished, in seconds, e.g. pgBackRest
           * exporter's `pgbackrest_backup_since_last_completion_seconds`.
           * Counted back from the time of the sample (when the exporter was
           * scraped), so that the same backup is the same event at every
           * collection.
           */
          ageSeconds?: string;
          /** When the last run failed, in epoch seconds (backups). */
          lastFailureTime?: string;
          /**
           * For drills: 1 when the last drill passed, 0 when it failed. When
           * it is set but has no value, the drill is not counted (it is not
           * known to have passed); when it is not set, `lastSuccessTime` is
           * the time of the last drill that passed.
           */
          success?: string;
          /** For drills: how long the last restore took, in seconds. */
          restoreSeconds?: string;
          /** For drills: 1 when the restored data checked out. */
          dataVerified?: string;
          /** The size of the last backup, in bytes. */
          sizeBytes?: string;
        }>;
      }>;
    };
  };
}
