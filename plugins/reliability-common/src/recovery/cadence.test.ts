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
  });
});
