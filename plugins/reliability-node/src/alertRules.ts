import {
  createExtensionPoint,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { AlertRule } from '@reliability-suite/plugin-reliability-common';

/**
 * Where alerting rules are read from on a schedule: a Prometheus-compatible
 * rules API (`GET /api/v1/rules`: Prometheus, Thanos, Mimir,
 * VictoriaMetrics), a rule file. Each read returns every alerting rule the
 * source holds now; a read that throws keeps the last good rules.
 *
 * @public
 */
export type AlertRuleSource = {
  /** Unique among rule sources, e.g. `prometheus:cluster-a`. */
  id: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  read(options: {
    /** Aborted when the read outlives its timeout: stop, store nothing. */
    signal?: AbortSignal;
  }): Promise<AlertRule[]>;
};

/**
 * Lets backend modules add alert rule sources to the reliability backend,
 * whose alert coverage then checks their rules against the runbooks.
 *
 * @public
 */
export type ReliabilityAlertRulesExtensionPoint = {
  addRuleSource(...sources: AlertRuleSource[]): void;
};

/** @public */
export const reliabilityAlertRulesExtensionPoint =
  createExtensionPoint<ReliabilityAlertRulesExtensionPoint>({
    id: 'reliability.alert-rules',
  });
