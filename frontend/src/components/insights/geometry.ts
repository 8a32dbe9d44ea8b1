// Drawing space in SVG units; the SVG scales to its container's width.
export const WIDTH = 600;
export const HEIGHT = 210;
export const PAD = { top: 10, right: 8, bottom: 26, left: 46 };
export const PLOT_WIDTH = WIDTH - PAD.left - PAD.right;
export const PLOT_HEIGHT = HEIGHT - PAD.top - PAD.bottom;

/** Centre of the `index`-th of `count` week bands. */
export function xAt(index: number, count: number): number {
  return PAD.left + ((index + 0.5) * PLOT_WIDTH) / count;
}

/** Vertical position of `value` on an axis from 0 to `max`. */
export function yAt(value: number, max: number): number {
  return PAD.top + PLOT_HEIGHT - (Math.max(0, Math.min(value, max)) / max) * PLOT_HEIGHT;
}

/** What a bar or point says when hovered or read out: the week, its value, and whether it is still running. */
export function markTitle(week: string, value: string, partial: boolean): string {
  return `Week of ${week}: ${value}${partial ? ' (running week, still counting)' : ''}`;
}
