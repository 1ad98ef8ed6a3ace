import type {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { BackupEventInput } from '@reliability-suite/plugin-reliability-common';
import type {
  BackupEventSource,
  BackupImportResult,
} from '@reliability-suite/plugin-reliability-node';
import { createHash } from 'node:crypto';
import {
  fetchPrometheus,
  type PrometheusServer,
  readPrometheusServer,
} from './server';

/** One mapping of Prometheus queries to a recovery plan component. @public */
export interface PrometheusBackupMapping {
  entityRef: string;
  component?: string;
  type: 'backup' | 'drill';
  job?: string;
  lastSuccessTime?: string;
  ageSeconds?: string;
  lastFailureTime?: string;
  success?: string;
  restoreSeconds?: string;
  dataVerified?: string;
  sizeBytes?: string;
}

type Vector = Array<{
  metric: Record<string, string>;
  value: [number, string];
}>;

const QUERY_TIMEOUT_MS = 15_000;

// An event id that is stable for the same mapping and time, and short.
function eventId(source: string, m: PrometheusBackupMapping, at: number) {
  const key = [m.entityRef, m.component ?? '', m.type, m.job ?? ''].join('|');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `prometheus:${source}:${hash}:${m.type}:${Math.round(at)}`;
}

/**
 * Reads backup and restore-drill results from a Prometheus server's instant
 * queries: the time of the last good backup (or its age), of the last failed
 * run, and for drills whether the last one passed, how long its restore took
 * and whether the data checked out. One event per mapping and time, so
 * asking again changes nothing until a new backup or drill shows.
 *
 * @public
 */
export class PrometheusBackupSource implements BackupEventSource {
  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): PrometheusBackupSource {
    const id = config.getString('id');
    const mappings = config.getConfigArray('mappings').map(m => {
      const type = (m.getOptionalString('type') ?? 'backup') as
        | 'backup'
        | 'drill';
      if (type !== 'backup' && type !== 'drill') {
        throw new Error(
          `reliability.backups.prometheus ${id}: a mapping's type must be backup or drill, not ${type}`,
        );
      }
      const mapping: PrometheusBackupMapping = {
        entityRef: m.getString('entityRef'),
        type,
      };
      for (const key of [
        'component',
        'job',
        'lastSuccessTime',
        'ageSeconds',
        'lastFailureTime',
        'success',
        'restoreSeconds',
        'dataVerified',
        'sizeBytes',
      ] as const) {
        const value = m.getOptionalString(key);
        if (value !== undefined) (mapping as any)[key] = value;
      }
      if (!mapping.lastSuccessTime && !mapping.ageSeconds) {
        throw new Error(
          `reliability.backups.prometheus ${id}: the mapping for ${mapping.entityRef} needs lastSuccessTime or ageSeconds`,
        );
      }
      return mapping;
    });
    return new PrometheusBackupSource({
      ...readPrometheusServer(config, {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
      }),
      mappings,
      logger: options.logger,
    });
  }

  readonly id: string;
  readonly schedule: SchedulerServiceTaskScheduleDefinition;

  constructor(
    private readonly options: PrometheusServer & {
      mappings: PrometheusBackupMapping[];
      logger: LoggerService;
    },
  ) {
    this.id = `prometheus:${options.id}`;
    this.schedule = options.schedule;
  }

  private async query(
    expr: string,
    now: Date,
    signal?: AbortSignal,
  ): Promise<Vector> {
    const response = await fetchPrometheus(
      this.options,
      'api/v1/query',
      { query: expr, time: String(now.getTime() / 1000) },
      { signal, timeoutMs: QUERY_TIMEOUT_MS },
    );
    const body = (await response.json().catch(() => undefined)) as
      | {
          status: string;
          error?: string;
          data?: { resultType: string; result: unknown };
        }
      | undefined;
    if (!response.ok || body?.status !== 'success') {
      throw new Error(
        `Prometheus ${this.options.id} answered ${
          response.status
        } to ${expr}: ${body?.error ?? response.statusText}`,
      );
    }
    if (body.data?.resultType === 'scalar') {
      const [t, v] = body.data.result as [number, string];
      return [{ metric: {}, value: [t, v] }];
    }
    return (body.data?.result ?? []) as Vector;
  }

  // The newest value of a query (timestamps), or the first (others).
  private async value(
    expr: string | undefined,
    now: Date,
    pick: 'max' | 'first' = 'first',
    signal?: AbortSignal,
  ): Promise<number | undefined> {
    if (!expr) return undefined;
    const values = (await this.query(expr, now, signal))
      .map(s => Number(s.value[1]))
      .filter(v => Number.isFinite(v));
    if (values.length === 0) return undefined;
    return pick === 'max' ? Math.max(...values) : values[0];
  }

  /**
   * When a backup finished, from a gauge of its age: the time of the sample
   * (the scrape, when the exporter measured the age) minus the age. Counted
   * back from the time of the query instead, it would move forward at every
   * collection — a new "success" each time although no backup ran.
   */
  private async finishedFromAge(
    expr: string | undefined,
    now: Date,
    signal?: AbortSignal,
  ): Promise<number | undefined> {
    if (!expr) return undefined;
    const [sample] = await this.query(
      `timestamp(${expr}) - (${expr})`,
      now,
      signal,
    ).catch(async error => {
      if (signal?.aborted) throw error;
      // A scalar expression has no timestamp: then the time of the query.
      return this.query(`time() - (${expr})`, now, signal);
    });
    const value = Number(sample?.value[1]);
    return Number.isFinite(value) ? Math.round(value) : undefined;
  }

  async collect({
    now,
    signal,
  }: {
    now: Date;
    signal?: AbortSignal;
  }): Promise<BackupImportResult> {
    const ask = (expr: string | undefined, pick: 'max' | 'first' = 'first') =>
      this.value(expr, now, pick, signal);
    const events: BackupEventInput[] = [];
    const notes: string[] = [];
    for (const m of this.options.mappings) {
      const label = `${m.entityRef}${m.component ? ` ${m.component}` : ''} ${
        m.type
      }`;
      const lastSuccess =
        (await ask(m.lastSuccessTime, 'max')) ??
        (await this.finishedFromAge(m.ageSeconds, now, signal));
      const base = {
        entityRef: m.entityRef,
        ...(m.component ? { component: m.component } : {}),
        ...(m.job ? { job: m.job } : {}),
        tool: 'prometheus',
      };
      if (lastSuccess === undefined || lastSuccess <= 0) {
        notes.push(`${label}: no data`);
      } else {
        const at = new Date(Math.round(lastSuccess) * 1000).toISOString();
        // Whether a drill passed; a backup's time is the time of a success.
        const success = m.type === 'drill' ? await ask(m.success) : undefined;
        if (m.type === 'drill' && m.success && success === undefined) {
          // It ran, but whether it passed is not known: not a success.
          notes.push(`${label}: ran ${at}, no data on whether it passed`);
        } else if (m.type === 'drill') {
          const restoreSeconds = await ask(m.restoreSeconds);
          const verified = await ask(m.dataVerified);
          events.push({
            ...base,
            id: eventId(this.options.id, m, lastSuccess),
            type: 'drill',
            startedAt: at,
            finishedAt: at,
            result: success === 0 ? 'failure' : 'success',
            ...(restoreSeconds !== undefined ? { restoreSeconds } : {}),
            ...(verified !== undefined ? { dataVerified: verified === 1 } : {}),
          });
        } else {
          const size = await ask(m.sizeBytes);
          events.push({
            ...base,
            id: eventId(this.options.id, m, lastSuccess),
            type: 'backup',
            startedAt: at,
            finishedAt: at,
            result: 'success',
            ...(size !== undefined ? { sizeBytes: Math.round(size) } : {}),
          });
        }
      }
      const lastFailure = await ask(m.lastFailureTime, 'max');
      if (
        m.type === 'backup' &&
        lastFailure !== undefined &&
        lastFailure > (lastSuccess ?? 0)
      ) {
        const at = new Date(Math.round(lastFailure) * 1000).toISOString();
        events.push({
          ...base,
          id: eventId(this.options.id, m, lastFailure),
          type: 'backup',
          startedAt: at,
          finishedAt: at,
          result: 'failure',
          message: `Prometheus ${this.options.id}: ${m.lastFailureTime}`,
        });
      }
    }
    this.options.logger.debug(
      `Prometheus ${this.options.id}: ${events.length} event(s)`,
    );
    return { events, notes };
  }
}
