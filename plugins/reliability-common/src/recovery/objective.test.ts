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
    // Seed 001's Sessions: nothing is kept, the opposite of "no loss".
    ['0 (none)', { kind: 'not-kept' }, 'nothing kept'],
    [
      'not kept: sessions are recreated at sign-in',
      { kind: 'not-kept', reason: 'sessions are recreated at sign-in' },
      'nothing kept: sessions are recreated at sign-in',
    ],
    [
      '0 (no loss)',
      { kind: 'zero', note: 'no loss' },
      '0 — nothing may be lost (no loss)',
    ],
    // Seed 003's replication table: kept as written, never checked.
    [
      'Near-zero',
      { kind: 'qualitative', text: 'Near-zero' },
      'Near-zero — not a time, not checked',
    ],
    [
      'Seconds',
      { kind: 'qualitative', text: 'Seconds' },
      'Seconds — not a time, not checked',
    ],
    [
      'Seconds (intra-cluster only)',
      { kind: 'qualitative', text: 'Seconds', note: 'intra-cluster only' },
      'Seconds (intra-cluster only) — not a time, not checked',
    ],
    [
      '≈ 0 (near-zero)',
      { kind: 'qualitative', text: '≈ 0', note: 'near-zero' },
      '≈ 0 (near-zero) — not a time, not checked',
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
    ['N/A', /^says not applicable without saying why/],
    ['soon', /^"soon" is not a duration/],
    ['15 fortnights', /^"15 fortnights" is not a duration/],
    ['', /^is empty/],
  ])('refuses %j with a hint', (text, error) => {
    const parsed = parseRecoveryObjective(text);
    expect(parsed.ok).toBe(false);
    expect((parsed as { error: string }).error).toMatch(error);
  });

  it('takes the reason of a bare N/A from beside it (seed 001: User Settings)', () => {
    expect(
      parseRecoveryObjective('N/A', { reason: 'client-side localStorage' }),
    ).toEqual({
      ok: true,
      value: { kind: 'not-applicable', reason: 'client-side localStorage' },
    });
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
