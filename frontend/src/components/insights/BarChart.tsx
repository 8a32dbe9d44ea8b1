import { niceMax } from '../../lib/charts';
import { ChartFrame } from './ChartFrame';
import { markTitle, PLOT_WIDTH, xAt, yAt } from './geometry';

interface BarChartProps {
  label: string;
  weekLabels: string[];
  values: (number | null)[];
  formatY: (value: number) => string;
  /** A literal Tailwind fill class, e.g. "fill-indigo-500". */
  barClass: string;
  /** The last week is still running: draw it lighter. */
  lastIsPartial?: boolean;
}

export function BarChart({ label, weekLabels, values, formatY, barClass, lastIsPartial = false }: BarChartProps) {
  const count = values.length;
  const yMax = niceMax(Math.max(0, ...values.map((value) => value ?? 0)));
  const barWidth = (PLOT_WIDTH / count) * 0.62;
  return (
    <ChartFrame label={label} weekLabels={weekLabels} yMax={yMax} formatY={formatY} lastIsPartial={lastIsPartial}>
      {values.map((value, index) => {
        if (value === null || value <= 0) return null;
        const top = yAt(value, yMax);
        const partial = lastIsPartial && index === count - 1;
        return (
          <rect
            key={weekLabels[index]}
            data-testid="bar"
            x={xAt(index, count) - barWidth / 2}
            y={top}
            width={barWidth}
            height={yAt(0, yMax) - top}
            rx={3}
            className={`${barClass} ${partial ? 'opacity-40' : ''}`}
          >
            <title>{markTitle(weekLabels[index], formatY(value), partial)}</title>
          </rect>
        );
      })}
    </ChartFrame>
  );
}
