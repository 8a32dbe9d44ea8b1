const numberFormat = new Intl.NumberFormat('en-US');
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
// Week bounds are plain dates ("2025-11-17"); Date parses those as UTC midnight,
// so format them in UTC too or they shift a day west of Greenwich.
const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatXP(amount: number): string {
  return `${formatNumber(amount)} XP`;
}

/** "+20 XP" for gains, "−5 XP" for the rare penalty. */
export function formatXPChange(amount: number): string {
  return amount < 0 ? `−${formatXP(-amount)}` : `+${formatXP(amount)}`;
}

export function formatWeekRange(start: string, end: string): string {
  return `${dayFormat.format(new Date(start))} – ${dayFormat.format(new Date(end))}`;
}

/** "Wed, Nov 25, 1:00 PM" in `timeZone` (the viewer's stored zone; default: this browser's). */
export function formatDateTime(iso: string, timeZone?: string): string {
  const key = timeZone ?? '';
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', timeZone ? { ...DATE_TIME_OPTIONS, timeZone } : DATE_TIME_OPTIONS);
    dateTimeFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "5 minutes ago". Times slightly ahead of this device's clock (skew) read "just now", never "in 2 minutes". */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.min(0, Math.round((new Date(iso).getTime() - now) / 1000));
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Rounds up, so a countdown shows "1 sec" until it actually reaches zero. */
export function durationParts(milliseconds: number): DurationParts {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  };
}
