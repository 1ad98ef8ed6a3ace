import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The runbook collator of the reliability search module. */
      reliabilityRunbooks?: {
        /** Default: every 10 minutes. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      /** The published-postmortem collator of the same module. */
      reliabilityPostmortems?: {
        /** Default: every 10 minutes. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
