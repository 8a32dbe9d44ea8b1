import type { ReactNode } from 'react';
import { HEIGHT, PAD, WIDTH, xAt, yAt } from './geometry';

interface ChartFrameProps {
  /** What the chart shows, for screen readers (the table under it has the numbers). */
  label: string;
  weekLabels: string[];
  yMax: number;
  formatY: (value: number) => string;
  /** The last week is still running: said in the chart's name, as each mark's title says it. */
  lastIsPartial?: boolean;
  children: ReactNode;
}

/** Axes, three gridlines and every other week label, around the marks in `children`. */
export function ChartFrame({ label, weekLabels, yMax, formatY, lastIsPartial = false, children }: ChartFrameProps) {
  const count = weekLabels.length;
  const name = lastIsPartial && count > 0 ? `${label} (the week of ${weekLabels[count - 1]} is still running)` : label;
  const step = count > 8 ? 2 : 1;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={name} className="h-auto w-full overflow-visible">
      {[0, 0.5, 1].map((fraction) => {
        const y = yAt(yMax * fraction, yMax);
        return (
          <g key={fraction}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className="stroke-slate-200" strokeWidth={1} />
            <text x={PAD.left - 6} y={y} dy="0.32em" textAnchor="end" className="fill-slate-600 text-[11px]">
              {formatY(yMax * fraction)}
            </text>
          </g>
        );
      })}
      {weekLabels.map((text, index) =>
        // The newest week is always labelled; then every other one going back.
        (count - 1 - index) % step === 0 ? (
          <text key={text} x={xAt(index, count)} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-600 text-[11px]">
            {text}
          </text>
        ) : null,
      )}
      {children}
    </svg>
  );
}
