import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  notification,
  POSTGRES_DOWN_RUNBOOK,
} from '../__testUtils__/alertmanager';
import { startRecoveryBackend } from '../__testUtils__/recoveryBackend';
import { ConfigReader } from '@backstage/config';
import { digestText, isoWeek, readAlertDigestConfig } from './AlertDigest';

jest.setTimeout(60_000);

describe('isoWeek', () => {
  it('numbers weeks as ISO 8601 does, the Thursday deciding the year', () => {
    expect(isoWeek(new Date('2026-12-07T10:00:00Z'))).toBe('2026-W50');
    expect(isoWeek(new Date('2021-01-03T23:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
  });
});

describe('readAlertDigestConfig', () => {
  it('is off unless configured, weekly on Mondays, and refuses a bad period', () => {
    expect(readAlertDigestConfig(new ConfigReader({}))).toEqual({
      enabled: false,
      days: 7,
      schedule: { frequency: { cron: '0 8 * * 1' }, timeout: { minutes: 5 } },
    });
    expect(
      readAlertDigestConfig(
        new ConfigReader({
          reliability: { alerts: { digest: { enabled: true, days: 14 } } },
        }),
      ),
    ).toMatchObject({ enabled: true, days: 14 });
    expect(() =>
      readAlertDigestConfig(
        new ConfigReader({
          reliability: { alerts: { digest: { days: 0.5 } } },
        }),
      ),
    ).toThrow(
      'reliability.alerts.digest.days must be a whole number of days from 1 to 90, not 0.5',
    );
  });
});

describe('digestText', () => {
  it('says how much fired and how much was noise, the noisiest rules first', () => {
    const figures = [
      { alertName: 'A', fired: 5, actionable: 4, noise: 0, duplicate: 0 },
      {
        alertName: 'B',
        fired: 3,
        actionable: 0,
        noise: 2,
        duplicate: 1,
        medianMinutesToAcknowledge: 12,
      },
      { alertName: 'C', fired: 1, actionable: 0, noise: 0, duplicate: 0 },
    ];
    expect(digestText(figures, 7)).toEqual({
      title:
        'Alerts this week: 9 fired from 3 rule(s); 2 of 7 judged were noise, 1 duplicates',
      description:
        'B fired 3×, noise 2 of 3, duplicate 1, acknowledged in 12 min. A fired 5×, noise 0 of 4. C fired 1×.',
    });
    expect(digestText(figures.slice(2), 30).title).toBe(
      'Alerts in the last 30 days: 1 fired from 1 rule(s)',
    );
  });
});

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'the weekly alert digest on %s',
  databaseId => {
    it('tells the owning team once a week how often each rule fired and was noise', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'postgres-down.yaml': POSTGRES_DOWN_RUNBOOK },
        config: {
          reliability: {
            alerts: {
              digest: {
                enabled: true,
                schedule: { frequency: { days: 7 }, timeout: { minutes: 1 } },
              },
            },
          },
        },
      });
      await backend.post(
        '/webhooks/alertmanager',
        notification('firing', [{ fingerprint: 'd1' }, { fingerprint: 'd2' }]),
      );
      const [incident] = (await backend.get('/incidents')).body.items;
      const judged = await backend.put(
        `/incidents/${incident.id}/alerts/d1/verdict`,
        { verdict: 'noise' },
        mockCredentials.user.header('user:default/alice'),
      );
      expect(judged.status).toBe(200);

      const digests = () =>
        backend.sent.filter(
          n => n.payload.topic === 'reliability:alert-digest',
        );
      await backend.runTask(
        'reliability-alert-digest',
        async () => digests().length > 0,
      );
      expect(digests()).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'group:default/platform-team',
          },
          payload: {
            title:
              'Alerts this week: 2 fired from 1 rule(s); 1 of 1 judged were noise',
            description:
              'PostgresDown fired 2×, noise 1 of 1, acknowledged in 2 min.',
            link: '/reliability/alert-coverage',
            severity: 'low',
            topic: 'reliability:alert-digest',
          },
        },
      ]);
      // Run again the same week (another instance, a restart): not sent twice.
      await backend.runTask('reliability-alert-digest', async () => true);
      expect(digests()).toHaveLength(1);
    });
  },
);
