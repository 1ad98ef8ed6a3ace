import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import type { AlertRule } from '@reliability-suite/plugin-reliability-common';
import type { AlertRuleSource } from '@reliability-suite/plugin-reliability-node';
import {
  fetchPrometheus,
  type PrometheusServer,
  readPrometheusServer,
} from './server';

const TIMEOUT_MS = 20_000;
const MAX_BYTES = 64 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const strings = (v: unknown): Record<string, string> =>
  isObject(v)
    ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]))
    : {};

/**
 * The alerting rules of a Prometheus-compatible rules API
 * (`GET /api/v1/rules?type=alert`: Prometheus, Thanos, Mimir,
 * VictoriaMetrics), read on a schedule. An answer that is not the API's
 * (a proxy's error page, garbage) fails the read, which keeps the last good
 * rules.
 *
 * @public
 */
export class PrometheusRuleSource implements AlertRuleSource {
  static fromConfig(config: Config): PrometheusRuleSource {
    return new PrometheusRuleSource(
      readPrometheusServer(config, {
        frequency: { minutes: 10 },
        timeout: { minutes: 1 },
      }),
    );
  }

  readonly id: string;
  readonly schedule: SchedulerServiceTaskScheduleDefinition;

  constructor(private readonly options: PrometheusServer) {
    this.id = `prometheus:${options.id}`;
    this.schedule = options.schedule;
  }

  async read(options: { signal?: AbortSignal } = {}): Promise<AlertRule[]> {
    // The read's own timeout: the schedule's, at most 20 seconds.
    const { timeout: scheduled } = this.options.schedule;
    const response = await fetchPrometheus(
      this.options,
      'api/v1/rules',
      { type: 'alert' },
      {
        signal: options.signal,
        timeoutMs: Math.min(
          TIMEOUT_MS,
          typeof scheduled === 'object'
            ? durationToMilliseconds(scheduled)
            : TIMEOUT_MS,
        ),
      },
    );
    const url = new URL(response.url);
    if (!response.ok) {
      throw new Error(
        `${url.origin}${url.pathname} answered ${response.status} ${response.statusText}`,
      );
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) {
      throw new Error(`${url.pathname} answered ${length} bytes, too many`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new Error(`${url.pathname} did not answer JSON`);
    }
    const groups =
      isObject(body) && body.status === 'success' && isObject(body.data)
        ? body.data.groups
        : undefined;
    if (!Array.isArray(groups)) {
      throw new Error(
        `${url.pathname} did not answer the rules API's { status: success, data: { groups } }`,
      );
    }
    const rules: AlertRule[] = [];
    for (const group of groups) {
      if (!isObject(group) || !Array.isArray(group.rules)) continue;
      for (const rule of group.rules) {
        if (!isObject(rule) || rule.type !== 'alerting') continue;
        if (typeof rule.name !== 'string' || !rule.name) continue;
        const annotations = strings(rule.annotations);
        rules.push({
          name: rule.name,
          group: String(group.name ?? ''),
          labels: strings(rule.labels),
          ...(annotations.runbook_url
            ? { runbookUrl: annotations.runbook_url }
            : {}),
          ...(annotations.summary ? { summary: annotations.summary } : {}),
          ...(typeof group.file === 'string' && group.file
            ? { file: group.file }
            : {}),
        });
      }
    }
    return rules;
  }
}
