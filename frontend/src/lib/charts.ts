// Small helpers for the hand-written SVG charts of the insights dashboard.

const weekLabelFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Nov 16" for a week starting 2026-11-16 (plain dates are UTC midnight). */
export function weekLabel(weekStart: string): string {
  return weekLabelFormat.format(new Date(weekStart));
}

/** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= max) ?? 10;
  return step * power;
}

export function formatPercent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

export function formatDecimal(value: number | null, digits = 1): string {
  return value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
