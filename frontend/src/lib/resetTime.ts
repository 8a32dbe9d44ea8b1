/** The viewer's own time zone, as the browser reports it (e.g. "Europe/Berlin"). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The next weekly reset in the viewer's local time, e.g. "Monday, November 30 at 1:00 AM GMT+1".
 * `resetAt` is the API's instant (Monday 00:00 in the platform's time zone), so this is right
 * for every viewer, daylight saving included.
 */
export function formatLocalReset(resetAt: string, timeZone: string = viewerTimeZone()): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(resetAt));
}

/** "Monday 01:00": the reset's weekday and time on the viewer's clock, for "Resets Monday 01:00 your time". */
export function formatResetShort(resetAt: string, timeZone: string = viewerTimeZone()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(resetAt));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('hour')}:${part('minute')}`;
}

/** Every IANA zone this browser knows (for the Settings page's select), the viewer's included. */
export function knownTimeZones(extra: string[] = []): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return Array.from(new Set([...zones, ...extra.filter(Boolean)])).sort();
}
