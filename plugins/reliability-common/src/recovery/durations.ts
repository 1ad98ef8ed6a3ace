/** A unit of time as written (`m`, `mins`, `minutes`), and its seconds. */
export type TimeUnits = Array<[RegExp, number]>;

/** Seconds, minutes, hours and days: what an RPO or RTO is written in. */
export const OBJECTIVE_UNITS: TimeUnits = [
  [/^(d|days?)$/i, 86400],
  [/^(h|hrs?|hours?)$/i, 3600],
  [/^(m|mins?|minutes?)$/i, 60],
  [/^(s|secs?|seconds?)$/i, 1],
];

/** The same and weeks: what a schedule or a cadence is written in. */
export const INTERVAL_UNITS: TimeUnits = [
  ...OBJECTIVE_UNITS,
  [/^(w|wks?|weeks?)$/i, 604800],
];

/**
 * `1h30m`, `15 min`, `2 hours` → seconds, in the units given; undefined when
 * the text is not numbers each followed by one of them.
 */
export function sumOfUnits(text: string, units: TimeUnits): number | undefined {
  const parts = text.trim().match(/\d+\s*[a-z]+/gi);
  if (!parts || parts.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) {
    return undefined;
  }
  let total = 0;
  for (const part of parts) {
    const [, n, unit] = /^(\d+)\s*([a-z]+)$/i.exec(part.trim())!;
    const size = units.find(([re]) => re.test(unit))?.[1];
    if (size === undefined) return undefined;
    total += Number(n) * size;
  }
  return total;
}
