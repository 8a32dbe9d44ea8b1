import { niceMax } from '../../lib/charts';
import { ChartFrame } from './ChartFrame';
import { markTitle, xAt, yAt } from './geometry';

export interface LineSeries {
  name: string;
  values: (number | null)[];
  /** Literal Tailwind classes, e.g. "stroke-indigo-600" and "fill-indigo-600". */
  strokeClass: string;
  fillClass: string;
}

interface LineChartProps {
  label: string;
  weekLabels: string[];
  series: LineSeries[];
  formatY: (value: number) => string;
  /** Fixed top of the axis (1 for shares); otherwise a round number above the data. */
  yMax?: number;
  /** The last week is still running: dash the segment into it and hollow its point. */
  lastIsPartial?: boolean;
}

/** Lines with a point per week; a week without a value (null) breaks the line. */
export function LineChart({ label, weekLabels, series, formatY, yMax, lastIsPartial = false }: LineChartProps) {
  const count = weekLabels.length;
  const top = yMax ?? niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((value) => value ?? 0))));
  return (
    <ChartFrame label={label} weekLabels={weekLabels} yMax={top} formatY={formatY} lastIsPartial={lastIsPartial}>
      {series.map((line) => {
        const points = line.values.map((value, index) =>
          value === null ? null : ([xAt(index, count), yAt(value, top)] as const),
        );
        const segments = points.slice(1).map((point, index) => [points[index], point, index + 1 === count - 1] as const);
        return (
          <g key={line.name} data-testid="line">
            {segments.map(([from, to, intoLast], index) =>
              from && to ? (
                <line
                  key={index}
                  x1={from[0]}
                  y1={from[1]}
                  x2={to[0]}
                  y2={to[1]}
                  strokeWidth={2.5}
                  strokeLinecap="round"
                  strokeDasharray={lastIsPartial && intoLast ? '5 5' : undefined}
                  className={line.strokeClass}
                />
              ) : null,
            )}
            {points.map((point, index) =>
              point ? (
                <circle
                  key={index}
                  cx={point[0]}
                  cy={point[1]}
                  r={3.5}
                  strokeWidth={2}
                  className={`${line.strokeClass} ${lastIsPartial && index === count - 1 ? 'fill-white' : line.fillClass}`}
                >
                  <title>
                    {markTitle(weekLabels[index], `${line.name} ${formatY(line.values[index] ?? 0)}`, lastIsPartial && index === count - 1)}
                  </title>
                </circle>
              ) : null,
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}
