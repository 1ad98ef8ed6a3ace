import { nextCronTime, readCron } from './cron';
import { INTERVAL_UNITS, sumOfUnits } from './durations';

/**
 * How often something happens, as teams write it for a backup's schedule or
 * a restore drill's cadence — one reading for both, with the same units:
 *
 * - an interval: `15m`, `12h`, `7d`, `2w`, `every 6 hours` (`s`, `m` =
 *   minutes, `h`, `d`, `w`);
 * - a calendar period: `daily`, `weekly`, `fortnightly`, `monthly`,
 *   `quarterly`, `yearly`, `1mo`, `3 months`, `1y` — a month is a calendar
 *   month, not 30 days; words after it are kept as a note ("Weekly Sunday
 *   03:00");
 * - cron: five fields or a macro (`@daily`), optionally in a time zone
 *   (`CRON_TZ=Europe/Berlin 0 2 * * *`);
 * - `continuous` (a WAL archive, replication);
 * - unscheduled: `manual`, `on demand`, `regular`, `regularly`, `ad hoc` —
 *   kept as written, with no cadence to check.
 *
 * @public
 */
export type Cadence =
  | { kind: 'interval'; seconds: number; note?: string }
  | {
      kind: 'calendar';
      unit: 'day' | 'week' | 'month' | 'year';
      every: number;
      note?: string;
    }
  | { kind: 'cron'; expression: string; timeZone?: string }
  | { kind: 'continuous' }
  | { kind: 'unscheduled'; text: string };

/** A cadence read, or what is wrong in words. @public */
export type ParsedCadence =
  | { ok: true; value: Cadence }
  | { ok: false; error: string };

const CALENDAR_UNITS: Array<[RegExp, 'month' | 'year', number]> = [
  [/^(mo|mos|months?)$/i, 'month', 1],
  [/^(q|quarters?)$/i, 'month', 3],
  [/^(y|yrs?|years?)$/i, 'year', 1],
];
const WORDS: Record<
  string,
  { unit: 'day' | 'week' | 'month' | 'year'; every: number }
> = {
  daily: { unit: 'day', every: 1 },
  nightly: { unit: 'day', every: 1 },
  weekly: { unit: 'week', every: 1 },
  fortnightly: { unit: 'week', every: 2 },
  biweekly: { unit: 'week', every: 2 },
  monthly: { unit: 'month', every: 1 },
  quarterly: { unit: 'month', every: 3 },
  yearly: { unit: 'year', every: 1 },
  annually: { unit: 'year', every: 1 },
};
const UNSCHEDULED =
  /^(manual(ly)?|on demand|on-demand|regular|regularly|ad hoc|ad-hoc|unscheduled|as needed|periodic(ally)?)\b/i;
const CRON_FIELD = /^([\d*,/-]+|\?|[A-Za-z]{3}([,-][A-Za-z]{3})*)$/;
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const HINT =
  'write an interval ("15m", "12h", "7d", "2w"), a calendar period ("daily", "weekly", "monthly", "quarterly", "1mo"), cron ("0 2 * * *", optionally "CRON_TZ=Europe/Berlin 0 2 * * *"), "continuous", or "manual"/"regularly" when there is none';

function isTimeZone(zone: string): boolean {
  try {
    return Boolean(
      new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions()
        .timeZone,
    );
  } catch {
    return false;
  }
}

/**
 * Reads a schedule or a cadence. The same words mean the same everywhere:
 * `1w` is a week as a schedule and as a drill cadence, `1m` a minute and
 * `1mo` a month.
 *
 * @public
 */
export function parseCadence(input: string): ParsedCadence {
  const text = input.trim();
  const fail = (error: string): ParsedCadence => ({ ok: false, error });
  if (!text) return fail(`is empty: ${HINT}`);
  if (text.length > 200) return fail('is longer than 200 characters');

  if (/^continuous(ly)?\b/i.test(text)) {
    return { ok: true, value: { kind: 'continuous' } };
  }
  if (UNSCHEDULED.test(text)) {
    return { ok: true, value: { kind: 'unscheduled', text } };
  }

  // Cron, in a time zone when it says so.
  const zoned = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(text);
  const cronText = zoned ? zoned[2].trim() : text;
  const macro = MACROS[cronText.toLocaleLowerCase('en-US')];
  const fields = cronText.split(/\s+/);
  if (macro || (fields.length === 5 && fields.every(f => CRON_FIELD.test(f)))) {
    const expression = macro ?? fields.join(' ');
    if (!readCron(expression)) {
      return fail(
        `${JSON.stringify(
          cronText,
        )} is not cron: a field is out of range (minute 0-59, hour 0-23, day 1-31, month 1-12 or jan-dec, weekday 0-7 or sun-sat)`,
      );
    }
    if (zoned && !isTimeZone(zoned[1])) {
      return fail(
        `${JSON.stringify(
          zoned[1],
        )} is not a time zone: write one such as "Europe/Berlin" or "UTC"`,
      );
    }
    return {
      ok: true,
      value: {
        kind: 'cron',
        expression,
        ...(zoned ? { timeZone: zoned[1] } : {}),
      },
    };
  }
  if (zoned) return fail(`${JSON.stringify(cronText)} is not cron: ${HINT}`);

  // A calendar word, and what follows it as a note.
  const word = /^([a-z]+)(?:$|[\s,:;—–]+(.*)$)/i.exec(text);
  const calendar = word && WORDS[word[1].toLocaleLowerCase('en-US')];
  if (calendar) {
    const note = (word[2] ?? '').replace(/^\((.*)\)$/, '$1').trim();
    return {
      ok: true,
      value: { kind: 'calendar', ...calendar, ...(note ? { note } : {}) },
    };
  }

  // `every 6 hours`, `7d`, `1mo`, `3 months`.
  const amount = /^(?:every\s+)?(\d+)?\s*([a-z]+)\.?(?:\s*\((.*)\))?$/i.exec(
    text,
  );
  if (amount) {
    const n = amount[1] === undefined ? 1 : Number(amount[1]);
    const unit = amount[2];
    const note = amount[3]?.trim();
    if (n > 0 && (amount[1] !== undefined || /^every\s/i.test(text))) {
      const seconds = INTERVAL_UNITS.find(([re]) => re.test(unit))?.[1];
      if (seconds !== undefined) {
        return {
          ok: true,
          value: {
            kind: 'interval',
            seconds: n * seconds,
            ...(note ? { note } : {}),
          },
        };
      }
      const cal = CALENDAR_UNITS.find(([re]) => re.test(unit));
      if (cal) {
        return {
          ok: true,
          value: {
            kind: 'calendar',
            unit: cal[1],
            every: n * cal[2],
            ...(note ? { note } : {}),
          },
        };
      }
    }
  }
  // `1h30m`.
  const total = sumOfUnits(text, INTERVAL_UNITS);
  if (total !== undefined && total > 0) {
    return { ok: true, value: { kind: 'interval', seconds: total } };
  }
  return fail(`${JSON.stringify(text)} is not a schedule or cadence: ${HINT}`);
}

function addCalendar(
  from: Date,
  unit: 'day' | 'week' | 'month' | 'year',
  every: number,
): Date {
  const d = new Date(from.getTime());
  if (unit === 'day') d.setUTCDate(d.getUTCDate() + every);
  else if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * every);
  else {
    const months = unit === 'month' ? every : 12 * every;
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    // 31 January + a month is the end of February, not 3 March.
    const last = new Date(
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0),
    ).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  return d;
}

/**
 * When the next occurrence after `last` is due: an interval later, the
 * same point of the next calendar period (a monthly drill on 31 January is
 * due on the last day of February), or cron's next time after it in the
 * schedule's time zone (a run up to a minute early still counts as the one
 * it was started for). Undefined when there is no cadence to check
 * (continuous, unscheduled).
 *
 * @public
 */
export function nextDue(cadence: Cadence, last: Date): Date | undefined {
  switch (cadence.kind) {
    case 'interval':
      return new Date(last.getTime() + cadence.seconds * 1000);
    case 'calendar':
      return addCalendar(last, cadence.unit, cadence.every);
    case 'cron': {
      const fields = readCron(cadence.expression);
      return fields
        ? nextCronTime(
            fields,
            new Date(last.getTime() + 60_000),
            cadence.timeZone,
          )
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * About how long one period is, in seconds (a month as 30 days): to compare
 * cadences, never to judge one.
 *
 * @public
 */
export function cadenceApproxSeconds(cadence: Cadence): number | undefined {
  // Between two occurrences: cron's first may come any time after the start.
  const start = new Date(Date.UTC(2026, 0, 1));
  const first = cadence.kind === 'cron' ? nextDue(cadence, start) : start;
  const second = first && nextDue(cadence, first);
  return second ? (second.getTime() - first!.getTime()) / 1000 : undefined;
}

/** A cadence as people read it: `every 7d`, `monthly`, `cron 0 2 * * * (Europe/Berlin)`. @public */
export function formatCadence(cadence: Cadence): string {
  const note = 'note' in cadence && cadence.note ? ` (${cadence.note})` : '';
  switch (cadence.kind) {
    case 'interval': {
      // Days, not weeks: "7d" reads back as written.
      const units: Array<[string, number]> = [
        ['d', 86400],
        ['h', 3600],
        ['m', 60],
        ['s', 1],
      ];
      const [u, size] = units.find(([, n]) => cadence.seconds % n === 0)!;
      return `every ${cadence.seconds / size}${u}${note}`;
    }
    case 'calendar': {
      const words: Record<string, string> = {
        'day:1': 'daily',
        'week:1': 'weekly',
        'week:2': 'fortnightly',
        'month:1': 'monthly',
        'month:3': 'quarterly',
        'year:1': 'yearly',
      };
      return `${
        words[`${cadence.unit}:${cadence.every}`] ??
        `every ${cadence.every} ${cadence.unit}s`
      }${note}`;
    }
    case 'cron':
      return `cron ${cadence.expression}${
        cadence.timeZone ? ` (${cadence.timeZone})` : ''
      }`;
    case 'continuous':
      return 'continuous';
    default:
      return cadence.text;
  }
}
