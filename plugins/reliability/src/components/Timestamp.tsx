import Tooltip from '@material-ui/core/Tooltip';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "in 2 days": how far a time is from now, in words. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(0, 'minute');
}

/** The same time in UTC, as an incident log writes it: `2026-11-20 09:04 UTC`. */
export function utcTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A time as people read it: local date and time and how long ago, with the
 * UTC time on hover. Missing or unreadable times show as a dash.
 */
export const Timestamp = ({
  value,
  relative = true,
}: {
  value?: string;
  relative?: boolean;
}) => {
  if (!value || Number.isNaN(Date.parse(value))) return <span>—</span>;
  const local = new Date(value).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <Tooltip title={utcTime(value)}>
      <time dateTime={value}>
        {local}
        {relative ? ` (${relativeTime(value)})` : ''}
      </time>
    </Tooltip>
  );
};
