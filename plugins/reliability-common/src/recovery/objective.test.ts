import {
  formatAge,
  formatRecoveryObjective,
  parseRecoveryObjective,
} from './objective';

// What the five disaster-recovery handbooks of ../shared/reference/seeds
// write as RPO and RTO, and what each becomes.
describe('parseRecoveryObjective', () => {
  it.each([
    ['24h', { kind: 'duration', seconds: 86400 }, '1d'],
    ['1h30m', { kind: 'duration', seconds: 5400 }, '1h 30m'],
    ['2 minutes', { kind: 'duration', seconds: 120 }, '2m'],
    ['4 hours', { kind: 'duration', seconds: 14400 }, '4h'],
    ['≈ 1 min', { kind: 'duration', seconds: 60, approximate: true }, '≈ 1m'],
    ['≤ 30 min', { kind: 'duration', seconds: 1800, atMost: true }, '≤ 30m'],
    [
      '15 minutes (initial guess)',
      {
        kind: 'duration',
        seconds: 900,
        provisional: true,
        note: 'initial guess',
      },
      '15m (initial guess)',
    ],
    [
      '0 (none)',
      { kind: 'zero', note: 'none' },
      '0 — nothing may be lost (none)',
    ],
    ['0', { kind: 'zero' }, '0 — nothing may be lost'],
    [
      'n/a: client-side localStorage',
      { kind: 'not-applicable', reason: 'client-side localStorage' },
      'not applicable: client-side localStorage',
    ],
    [
      'N/A (stateless)',
      { kind: 'not-applicable', reason: 'stateless' },
      'not applicable: stateless',
    ],
  ])('reads %j', (text, value, formatted) => {
    const parsed = parseRecoveryObjective(text);
    expect(parsed).toEqual({ ok: true, value });
    expect(formatRecoveryObjective((parsed as any).value)).toBe(formatted);
  });

  it.each([
    [
      'Near-zero',
      /^"Near-zero" is not a duration: write a duration such as "15m"/,
    ],
    ['Seconds', /^"Seconds" is not a duration/],
    ['N/A', /^says not applicable without saying why/],
    ['soon', /^"soon" is not a duration/],
    ['15 fortnights', /^"15 fortnights" is not a duration/],
    ['', /^is empty/],
  ])('refuses %j with a hint', (text, error) => {
    const parsed = parseRecoveryObjective(text);
    expect(parsed.ok).toBe(false);
    expect((parsed as { error: string }).error).toMatch(error);
  });
});

describe('formatAge', () => {
  it('keeps the two largest units of a measured time', () => {
    expect(formatAge(9 * 86400 + 4 * 3600 + 28 * 60 + 4)).toBe('9d 4h');
    expect(formatAge(90)).toBe('1m 30s');
    expect(formatAge(3600.7)).toBe('1h');
    expect(formatAge(-5)).toBe('0');
  });
});
