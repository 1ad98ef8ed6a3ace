import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type AuthService,
  type LoggerService,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { AlertRuleFigures } from '@reliability-suite/plugin-reliability-common';
import { ownerByEntity } from '../entities/linkedOwners';
import type { IncidentStore } from '../incidents/IncidentStore';

/** The notifications' topic, to mute or route them in the notifications settings. */
export const ALERT_DIGEST_TOPIC = 'reliability:alert-digest';

/** How `reliability.alerts.digest` is read. */
export type AlertDigestConfig = {
  enabled: boolean;
  /** How many days back each digest looks. */
  days: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
};

export function readAlertDigestConfig(config: Config): AlertDigestConfig {
  const digest = config.getOptionalConfig('reliability.alerts.digest');
  const days = digest?.getOptionalNumber('days') ?? 7;
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new Error(
      `reliability.alerts.digest.days must be a whole number of days from 1 to 90, not ${days}`,
    );
  }
  return {
    enabled: digest?.getOptionalBoolean('enabled') ?? false,
    days,
    schedule: digest?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          digest.getConfig('schedule'),
        )
      : // Mondays at 08:00 (the backend's time zone).
        { frequency: { cron: '0 8 * * 1' }, timeout: { minutes: 5 } },
  };
}

/** ISO 8601 week of a time, in UTC: `2026-W50`. */
export function isoWeek(at: Date): string {
  const day = new Date(
    Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()),
  );
  // The Thursday of the week decides its year.
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((day.getTime() - firstThursday.getTime()) / 86400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** One owner's digest, in words. */
export function digestText(
  figures: AlertRuleFigures[],
  days: number,
): { title: string; description: string } {
  const fired = figures.reduce((n, f) => n + f.fired, 0);
  const noise = figures.reduce((n, f) => n + f.noise, 0);
  const duplicate = figures.reduce((n, f) => n + f.duplicate, 0);
  const judged = figures.reduce(
    (n, f) => n + f.actionable + f.noise + f.duplicate,
    0,
  );
  const period = days === 7 ? 'this week' : `in the last ${days} days`;
  const title = `Alerts ${period}: ${fired} fired from ${
    figures.length
  } rule(s)${
    judged
      ? `; ${noise} of ${judged} judged were noise${
          duplicate ? `, ${duplicate} duplicates` : ''
        }`
      : ''
  }`;
  // The noisiest first, then the most frequent.
  const lines = [...figures]
    .sort(
      (a, b) =>
        b.noise + b.duplicate - (a.noise + a.duplicate) ||
        b.fired - a.fired ||
        a.alertName.localeCompare(b.alertName),
    )
    .slice(0, 5)
    .map(f => {
      const parts = [`${f.alertName} fired ${f.fired}×`];
      const of = f.actionable + f.noise + f.duplicate;
      if (of) parts.push(`noise ${f.noise} of ${of}`);
      if (f.duplicate) parts.push(`duplicate ${f.duplicate}`);
      if (f.medianMinutesToAcknowledge !== undefined) {
        parts.push(`acknowledged in ${f.medianMinutesToAcknowledge} min`);
      }
      return parts.join(', ');
    });
  const more =
    figures.length > 5 ? [`And ${figures.length - 5} more rule(s)`] : [];
  // One paragraph: the notifications page shows the description as one.
  return { title, description: `${[...lines, ...more].join('. ')}.` };
}

/**
 * The weekly alert digest: to each team that owns an entity whose
 * incidents took alerts in the period, how often each alert rule fired,
 * how often responders judged it noise or a duplicate, and how long it took
 * to acknowledge. Once per owner and ISO week, across instances.
 */
export class AlertDigest {
  constructor(
    private readonly options: {
      store: IncidentStore;
      catalog: CatalogService;
      auth: AuthService;
      notifications?: NotificationService;
      logger: LoggerService;
      days: number;
    },
  ) {}

  /** Sends the digests due; the owners told. */
  async send(now = new Date()): Promise<string[]> {
    const { store, catalog, auth, notifications, logger, days } = this.options;
    if (!notifications) return [];
    const since = new Date(now.getTime() - days * 86400_000);
    const refs = await store.alertEntityRefs(since);
    const owners = await ownerByEntity(catalog, auth, refs);
    const byOwner = new Map<string, string[]>();
    for (const [ref, owner] of owners) {
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), ref]);
    }
    const week = isoWeek(now);
    const told: string[] = [];
    for (const [owner, entityRefs] of [...byOwner].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const figures = await store.alertRuleFigures({ entityRefs, since });
      if (!figures.length) continue;
      if (!(await store.claimAlertDigest(week, owner, now))) continue;
      const { title, description } = digestText(figures, days);
      await notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: {
          title,
          description,
          link: '/reliability/alert-coverage',
          severity: 'low',
          topic: ALERT_DIGEST_TOPIC,
        },
      });
      told.push(owner);
    }
    if (told.length) {
      logger.info(`Sent the ${week} alert digest to ${told.join(', ')}`);
    }
    return told;
  }
}
