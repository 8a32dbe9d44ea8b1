import { durationParts } from '../../lib/format';

/** "3 days 4 hours", "2 hours 5 minutes", "1 minute": how long until `iso`, in the two largest units. */
export function closesIn(iso: string, now: number = Date.now()): string {
  const { days, hours, minutes } = durationParts(new Date(iso).getTime() - now);
  const plural = (value: number, unit: string) => `${value} ${unit}${value === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return minutes > 0 ? `${plural(hours, 'hour')} ${plural(minutes, 'minute')}` : plural(hours, 'hour');
  return plural(Math.max(minutes, 1), 'minute');
}
