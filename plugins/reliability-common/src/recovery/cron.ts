import { DateTime } from 'luxon';

// Five-field cron (minute hour day-of-month month day-of-week), read as
// Vixie cron and Kubernetes CronJobs read it: lists, ranges, steps, month
// and day names, 7 for Sunday, and a day matching when either the day of
// the month or the day of the week does if both are restricted. Times are
// in the schedule's time zone (UTC without one), so a 02:00 Berlin backup
// is due at 01:00 UTC in winter and at 00:00 UTC in summer.

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

type Field = {
  values: number[];
  /** Whether the field is `*` (matters for the day-of-month/week rule). */
  any: boolean;
};

function readField(
  text: string,
  min: number,
  max: number,
  names?: string[],
): Field | undefined {
  const value = (token: string) => {
    const at = names?.indexOf(token.toLocaleLowerCase('en-US')) ?? -1;
    if (at >= 0) return at + (names === MONTHS ? 1 : 0);
    return /^\d+$/.test(token) ? Number(token) : NaN;
  };
  const any = text === '*' || text === '?';
  const found = new Set<number>();
  for (const part of (text === '?' ? '*' : text).split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let from: number;
    let to: number;
    if (range === '*') {
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      from = value(a);
      to = value(b);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    if (Number.isNaN(from) || Number.isNaN(to) || from > to) return undefined;
    if (from < min || to > max) return undefined;
    for (let v = from; v <= to; v += step) found.add(v);
  }
  return { values: [...found].sort((a, b) => a - b), any };
}

/** A cron expression's fields, or undefined when it is not one. */
export type CronFields = {
  minutes: number[];
  hours: number[];
  days: Field;
  months: Set<number>;
  weekdays: Field & { set: Set<number> };
};

/** Reads five cron fields; undefined when a field is out of range. */
export function readCron(expression: string): CronFields | undefined {
  const [m, h, dom, mon, dow] = expression.trim().split(/\s+/);
  if (dow === undefined) return undefined;
  const minutes = readField(m, 0, 59);
  const hours = readField(h, 0, 23);
  const days = readField(dom, 1, 31);
  const months = readField(mon, 1, 12, MONTHS);
  const weekdays = readField(dow, 0, 7, DAYS);
  if (!minutes || !hours || !days || !months || !weekdays) return undefined;
  const weekdaySet = new Set(weekdays.values.map(d => d % 7));
  return {
    minutes: minutes.values,
    hours: hours.values,
    days,
    months: new Set(months.values),
    weekdays: { ...weekdays, set: weekdaySet },
  };
}

function dayMatches(fields: CronFields, day: DateTime): boolean {
  if (!fields.months.has(day.month)) return false;
  const dom = fields.days.values.includes(day.day);
  const dow = fields.weekdays.set.has(day.weekday % 7);
  if (fields.days.any) return dow;
  if (fields.weekdays.any) return dom;
  return dom || dow;
}

/**
 * The first time after `after` that the cron expression fires, in
 * `timeZone` (UTC when none); undefined when it never does within eight
 * years (30 February).
 */
export function nextCronTime(
  fields: CronFields,
  after: Date,
  timeZone = 'UTC',
): Date | undefined {
  const start = DateTime.fromJSDate(after, { zone: timeZone });
  let day = start.startOf('day');
  for (let i = 0; i < 366 * 8; i++, day = day.plus({ days: 1 })) {
    if (!dayMatches(fields, day)) continue;
    for (const hour of fields.hours) {
      for (const minute of fields.minutes) {
        const candidate = DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour, minute },
          { zone: timeZone },
        );
        // A time the clocks skip (02:30 on the spring change) fires at the
        // time luxon moves it to, as cron runs a skipped job once.
        if (candidate.toMillis() > after.getTime()) {
          return candidate.toJSDate();
        }
      }
    }
  }
  return undefined;
}
