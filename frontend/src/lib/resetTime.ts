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
