import { OBJECTIVE_UNITS, sumOfUnits } from './durations';

/**
 * A recovery point or time objective as teams state them: a duration, zero
 * (no loss allowed), nothing kept (ephemeral by design: "0 (none)"), not
 * applicable with a reason, or a word that is no time ("Near-zero",
 * "Seconds") kept as written — unquantified, so never checked. A duration
 * may be approximate ("≈ 1 min"), an upper bound ("≤ 30 min") or
 * provisional ("15m (initial guess)").
 *
 * @public
 */
export type RecoveryObjective =
  | {
      kind: 'duration';
      seconds: number;
      /** "≈ 1 min": about that long. */
      approximate?: boolean;
      /** "≤ 30 min": at most that long. */
      atMost?: boolean;
      /** Not agreed yet ("initial guess", "provisional", "TBD"). */
      provisional?: boolean;
      /** What followed in parentheses. */
      note?: string;
    }
  | { kind: 'zero'; note?: string }
  | {
      /** Nothing is kept, by design: there is nothing to lose or restore. */
      kind: 'not-kept';
      reason?: string;
    }
  | { kind: 'not-applicable'; reason: string }
  | {
      /** "Near-zero", "Seconds": what the team wrote, not a time to check. */
      kind: 'qualitative';
      text: string;
      note?: string;
    };

/** The outcome of reading an objective: the value, or what is wrong in words. @public */
export type ParsedRecoveryObjective =
  | { ok: true; value: RecoveryObjective }
  | { ok: false; error: string };

// Words teams write for an objective that say how much, not how long.
const QUALITATIVE =
  /^(near[- ]?zero|almost zero|close to zero|minimal|seconds|minutes|hours|days|low|high|fast|immediate(ly)?|instant|asap|real[- ]?time)$/i;
// Nothing is kept: ephemeral by design.
const NOT_KEPT =
  /^(none|nothing( kept)?|not kept|not stored|ephemeral|no data)$/i;
const PROVISIONAL =
  /guess|provisional|estimate|tbd|to be (confirmed|agreed)|draft/i;

const HINT =
  'write a duration such as "15m", "1h30m", "≈ 1m" (about), "≤ 30m" (at most), "0" for no loss, "not kept: <why>" when nothing is kept, or "n/a: <why>"';

/** How to make an unquantified objective checkable, in words. @public */
export const QUALITATIVE_OBJECTIVE_HINT =
  'it is kept as written but cannot be checked: write a time such as "≈ 1m" or "≤ 30s" to have it checked';

/**
 * Reads an RPO or RTO as written in an annotation or a recovery plan. Words
 * that say how much but not how long ("Near-zero", "Seconds") are kept as
 * written (`qualitative`); anything else that is not a time is refused with
 * a hint. A bare "N/A" needs a reason: `options.reason` (the rationale the
 * plan gives beside it) serves.
 *
 * @public
 */
export function parseRecoveryObjective(
  input: string,
  options: { reason?: string } = {},
): ParsedRecoveryObjective {
  const text = input.trim();
  const fail = (error: string): ParsedRecoveryObjective => ({
    ok: false,
    error,
  });
  if (!text) return fail(`is empty: ${HINT}`);
  if (text.length > 200) return fail('is longer than 200 characters');

  const na =
    /^(?:n\/a|na|not applicable)\b\s*(?:[:—–-]\s*|\(\s*)?(.*?)\)?$/i.exec(text);
  if (na) {
    const reason = na[1].trim() || options.reason?.trim();
    return reason
      ? { ok: true, value: { kind: 'not-applicable', reason } }
      : fail(
          'says not applicable without saying why: write "n/a: <why>", e.g. "n/a: sessions are ephemeral"',
        );
  }
  const notKept =
    /^(?:not kept|nothing kept|ephemeral)\s*(?:[:—–-]\s*|\(\s*)(.+?)\)?$/i.exec(
      text,
    );
  if (notKept) {
    return { ok: true, value: { kind: 'not-kept', reason: notKept[1].trim() } };
  }

  let main = text;
  let note: string | undefined;
  const noted = /^(.*?)\s*\(([^()]*)\)$/.exec(text);
  if (noted) {
    main = noted[1].trim();
    note = noted[2].trim() || undefined;
  }
  let approximate = false;
  let atMost = false;
  const prefix =
    /^(≈|~|about|approx\.?|approximately|≤|<=|at most|up to)\s*/i.exec(main);
  if (prefix) {
    const word = prefix[1].toLocaleLowerCase('en-US');
    if (['≤', '<=', 'at most', 'up to'].includes(word)) atMost = true;
    else approximate = true;
    main = main.slice(prefix[0].length).trim();
  }
  let provisional = note !== undefined && PROVISIONAL.test(note);
  if (main.endsWith('?')) {
    provisional = true;
    main = main.slice(0, -1).trim();
  }

  const reason = note ?? options.reason?.trim();
  if (NOT_KEPT.test(main)) {
    return {
      ok: true,
      value: { kind: 'not-kept', ...(reason ? { reason } : {}) },
    };
  }
  if (/^(0|0\s*[smhd]|zero)$/i.test(main)) {
    // "0 (none)": nothing is kept — not "nothing may be lost". "≈ 0" is
    // near-zero: no time to check.
    if (note && NOT_KEPT.test(note)) {
      const why = options.reason?.trim();
      return {
        ok: true,
        value: { kind: 'not-kept', ...(why ? { reason: why } : {}) },
      };
    }
    if (approximate) {
      return {
        ok: true,
        value: {
          kind: 'qualitative',
          text: `${prefix![0]}${main}`,
          ...(note ? { note } : {}),
        },
      };
    }
    return {
      ok: true,
      value: { kind: 'zero', ...(note ? { note } : {}) },
    };
  }
  if (QUALITATIVE.test(main)) {
    return {
      ok: true,
      value: {
        kind: 'qualitative',
        text: prefix ? `${prefix[0]}${main}` : main,
        ...(note ? { note } : {}),
      },
    };
  }
  const seconds = sumOfUnits(main, OBJECTIVE_UNITS);
  if (seconds === undefined) {
    return fail(`${JSON.stringify(main)} is not a duration: ${HINT}`);
  }
  return {
    ok: true,
    value: {
      kind: 'duration',
      seconds,
      ...(approximate ? { approximate } : {}),
      ...(atMost ? { atMost } : {}),
      ...(provisional ? { provisional } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/** `5400` → `1h 30m`; `90` → `1m 30s`. @public */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0';
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join(' ');
}

/**
 * A measured time as people read it: its two largest units, rounded down —
 * `9d 4h` rather than `9d 4h 28m 4s`.
 *
 * @public
 */
export function formatAge(seconds: number): string {
  const parts = formatDuration(Math.max(0, Math.floor(seconds))).split(' ');
  return parts.slice(0, 2).join(' ');
}

/** An objective as people read it: `≈ 1m`, `15m (initial guess)`, `0 — no loss`. @public */
export function formatRecoveryObjective(value: RecoveryObjective): string {
  switch (value.kind) {
    case 'not-applicable':
      return `not applicable: ${value.reason}`;
    case 'not-kept':
      return `nothing kept${value.reason ? `: ${value.reason}` : ''}`;
    case 'qualitative':
      return `${value.text}${
        value.note ? ` (${value.note})` : ''
      } — not a time, not checked`;
    case 'zero':
      return `0 — nothing may be lost${value.note ? ` (${value.note})` : ''}`;
    default: {
      let prefix = '';
      if (value.approximate) prefix = '≈ ';
      else if (value.atMost) prefix = '≤ ';
      const note = value.note ? ` (${value.note})` : '';
      const flag = value.provisional && !value.note ? ' (provisional)' : '';
      return `${prefix}${formatDuration(value.seconds)}${note}${flag}`;
    }
  }
}
