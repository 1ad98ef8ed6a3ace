import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/**
 * A Prometheus-compatible server as the configuration names it.
 *
 * @public
 */
export type PrometheusServer = {
  /** Unique among the sources of its kind, e.g. `cluster-a`. */
  id: string;
  baseUrl: string;
  token?: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
};

/** `id`, `baseUrl`, `token` and `schedule` (or the default) of one entry. */
export function readPrometheusServer(
  config: Config,
  defaultSchedule: SchedulerServiceTaskScheduleDefinition,
): PrometheusServer {
  return {
    id: config.getString('id'),
    baseUrl: config.getString('baseUrl'),
    token: config.getOptionalString('token'),
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : defaultSchedule,
  };
}

/**
 * A GET of the server's HTTP API (`api/v1/…` under its base URL), with its
 * token, ended by `signal` or after `timeoutMs`.
 */
export function fetchPrometheus(
  server: PrometheusServer,
  path: string,
  params: Record<string, string>,
  options: { signal?: AbortSignal; timeoutMs: number },
): Promise<Response> {
  const url = new URL(path, `${server.baseUrl.replace(/\/$/, '')}/`);
  for (const [key, value] of Object.entries(params)) {
    url.searchParams.set(key, value);
  }
  const timeout = AbortSignal.timeout(options.timeoutMs);
  return fetch(url, {
    headers: server.token ? { Authorization: `Bearer ${server.token}` } : {},
    signal: options.signal
      ? AbortSignal.any([options.signal, timeout])
      : timeout,
  });
}
