import { freshnessOf } from './freshness';

const now = new Date('2026-11-21T12:00:00Z');

describe('freshnessOf', () => {
  it('is fresh inside the interval, due in its last days, stale after it', () => {
    expect(
      freshnessOf({ lastReviewed: '2026-10-14', intervalDays: 90 }, now),
    ).toEqual({
      freshness: 'fresh',
      nextReview: new Date('2027-01-12T00:00:00Z'),
    });
    expect(
      freshnessOf({ lastReviewed: '2026-08-28', intervalDays: 90 }, now)
        .freshness,
    ).toBe('due');
    expect(
      freshnessOf({ lastReviewed: '2025-12-02', intervalDays: 90 }, now)
        .freshness,
    ).toBe('stale');
  });

  it('scales the warning window down for short intervals', () => {
    // 10-day interval: a 1-day window, not 14 days.
    expect(
      freshnessOf({ lastReviewed: '2026-11-13', intervalDays: 10 }, now)
        .freshness,
    ).toBe('fresh');
    expect(
      freshnessOf({ lastReviewed: '2026-11-12', intervalDays: 10 }, now)
        .freshness,
    ).toBe('due');
  });

  it('is unknown without a date or an interval', () => {
    expect(freshnessOf(undefined, now).freshness).toBe('unknown');
    expect(freshnessOf({ lastReviewed: '2026-11-01' }, now).freshness).toBe(
      'unknown',
    );
    expect(freshnessOf({ intervalDays: 30 }, now).freshness).toBe('unknown');
  });
});
