import {
  cadenceApproxSeconds,
  formatCadence,
  nextDue,
  parseCadence,
} from './cadence';

// Schedules and drill cadences as the seeds write them, one reading for
// both.
describe('parseCadence', () => {
  it.each([
    ['15m', { kind: 'interval', seconds: 900 }, 'every 15m'],
    ['1w', { kind: 'interval', seconds: 604800 }, 'every 7d'],
    ['every 6 hours', { kind: 'interval', seconds: 21600 }, 'every 6h'],
    ['1h30m', { kind: 'interval', seconds: 5400 }, 'every 90m'],
    ['daily', { kind: 'calendar', unit: 'day', every: 1 }, 'daily'],
    ['Weekly', { kind: 'calendar', unit: 'week', every: 1 }, 'weekly'],
    [
      'Weekly Sunday 03:00',
      { kind: 'calendar', unit: 'week', every: 1, note: 'Sunday 03:00' },
      'weekly (Sunday 03:00)',
    ],
    ['monthly', { kind: 'calendar', unit: 'month', every: 1 }, 'monthly'],
    ['1mo', { kind: 'calendar', unit: 'month', every: 1 }, 'monthly'],
    ['quarterly', { kind: 'calendar', unit: 'month', every: 3 }, 'quarterly'],
    ['1y', { kind: 'calendar', unit: 'year', every: 1 }, 'yearly'],
    ['0 2 * * *', { kind: 'cron', expression: '0 2 * * *' }, 'cron 0 2 * * *'],
    [
      'CRON_TZ=Europe/Berlin 0 2 * * 0',
      { kind: 'cron', expression: '0 2 * * 0', timeZone: 'Europe/Berlin' },
      'cron 0 2 * * 0 (Europe/Berlin)',
    ],
    ['@daily', { kind: 'cron', expression: '0 0 * * *' }, 'cron 0 0 * * *'],
    ['continuous', { kind: 'continuous' }, 'continuous'],
    ['manual', { kind: 'unscheduled', text: 'manual' }, 'manual'],
    ['regularly', { kind: 'unscheduled', text: 'regularly' }, 'regularly'],
  ])('reads %j', (text, value, formatted) => {
    const parsed = parseCadence(text);
    expect(parsed).toEqual({ ok: true, value });
    expect(formatCadence((parsed as any).value)).toBe(formatted);
  });

  it.each([
    ['soon', /^"soon" is not a schedule or cadence: write an interval/],
    ['daily-ish', /^"daily-ish" is not a schedule or cadence/],
    ['15 fortnights', /is not a/],
    ['CRON_TZ=Mars/Olympus 0 2 * * *', /^"Mars\/Olympus" is not a time zone/],
    ['', /^is empty/],
    ['0 25 * * *', /^"0 25 \* \* \*" is not cron: a field is out of range/],
    ['0 2 * 13 *', /is not cron: a field is out of range/],
  ])('refuses %j with a hint', (text, error) => {
    const parsed = parseCadence(text);
    expect(parsed.ok).toBe(false);
    expect((parsed as { error: string }).error).toMatch(error);
  });
});

describe('nextDue', () => {
  const at = (iso: string) => new Date(iso);
  const due = (text: string, last: string) => {
    const parsed = parseCadence(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return nextDue(parsed.value, at(last))?.toISOString();
  };

  it('is a calendar month later for monthly, not 30 days', () => {
    expect(due('monthly', '2026-01-15T10:00:00Z')).toBe(
      '2026-02-15T10:00:00.000Z',
    );
    // 31 January: the end of February.
    expect(due('monthly', '2026-01-31T10:00:00Z')).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(due('quarterly', '2026-11-30T00:00:00Z')).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(due('7d', '2026-03-01T00:00:00Z')).toBe('2026-03-08T00:00:00.000Z');
    expect(due('0 2 1 * *', '2026-03-01T02:00:00Z')).toBe(
      '2026-04-01T02:00:00.000Z',
    );
  });

  it("is cron's next time in the schedule's time zone, across DST", () => {
    // 02:00 in Berlin is 01:00 UTC in winter and 00:00 UTC in summer.
    const berlin = 'CRON_TZ=Europe/Berlin 0 2 * * *';
    expect(due(berlin, '2026-03-27T01:00:05Z')).toBe(
      '2026-03-28T01:00:00.000Z',
    );
    // 29 March: clocks go forward at 02:00, so 02:00 is 03:00 CEST.
    expect(due(berlin, '2026-03-28T01:00:05Z')).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(due(berlin, '2026-03-29T01:00:05Z')).toBe(
      '2026-03-30T00:00:00.000Z',
    );
    // 25 October: back to winter time, one run, an hour later in UTC.
    expect(due(berlin, '2026-10-24T00:00:05Z')).toBe(
      '2026-10-25T01:00:00.000Z',
    );
    // The same expression without a zone is UTC.
    expect(due('0 2 * * *', '2026-10-24T02:00:05Z')).toBe(
      '2026-10-25T02:00:00.000Z',
    );
  });

  it('checks any cron, not only daily, weekly and monthly ones', () => {
    // Weekdays only: Friday's run is next due on Monday.
    expect(due('30 1 * * mon-fri', '2026-12-04T01:30:00Z')).toBe(
      '2026-12-07T01:30:00.000Z',
    );
    expect(due('0 */6 * * *', '2026-12-04T06:00:10Z')).toBe(
      '2026-12-04T12:00:00.000Z',
    );
    // Day of month or day of week when both are restricted, as cron does.
    expect(due('0 3 1 * 0', '2026-12-01T03:00:00Z')).toBe(
      '2026-12-06T03:00:00.000Z',
    );
    // 7 is Sunday too.
    expect(due('0 3 * * 7', '2026-12-06T03:00:00Z')).toBe(
      '2026-12-13T03:00:00.000Z',
    );
    // A run a few seconds early counts as the one it was started for.
    expect(due('0 2 * * *', '2026-12-04T01:59:40Z')).toBe(
      '2026-12-05T02:00:00.000Z',
    );
  });

  it('has nothing due for what has no cadence', () => {
    expect(due('regularly', '2026-03-01T00:00:00Z')).toBeUndefined();
    expect(due('continuous', '2026-03-01T00:00:00Z')).toBeUndefined();
  });

  it('compares cadences in the same units everywhere', () => {
    const seconds = (text: string) =>
      cadenceApproxSeconds((parseCadence(text) as any).value);
    expect(seconds('1w')).toBe(seconds('weekly'));
    expect(seconds('1m')).toBe(60);
    expect(seconds('1mo')).toBe(31 * 86400);
    expect(seconds('0 2 * * *')).toBe(86400);
    expect(seconds('CRON_TZ=America/New_York 15 */4 * * *')).toBe(4 * 3600);
  });
});
