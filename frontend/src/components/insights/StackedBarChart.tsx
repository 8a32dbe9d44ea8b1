import { niceMax } from '../../lib/charts';
import { ChartFrame } from './ChartFrame';
import { markTitle, PLOT_WIDTH, xAt, yAt } from './geometry';

interface StackedBarChartProps {
  label: string;
  weekLabels: string[];
  /** Per week, the size of each layer, bottom first. */
  stacks: number[][];
  /** A literal Tailwind fill class per layer, bottom first. */
  layerClasses: string[];
  formatY: (value: number) => string;
  lastIsPartial?: boolean;
}

export function StackedBarChart({ label, weekLabels, stacks, layerClasses, formatY, lastIsPartial = false }: StackedBarChartProps) {
  const count = stacks.length;
  const yMax = niceMax(Math.max(0, ...stacks.map((layers) => layers.reduce((sum, value) => sum + value, 0))));
  const barWidth = (PLOT_WIDTH / count) * 0.62;
  return (
    <ChartFrame label={label} weekLabels={weekLabels} yMax={yMax} formatY={formatY} lastIsPartial={lastIsPartial}>
      {stacks.map((layers, index) => {
        let base = 0;
        return (
          <g key={weekLabels[index]} data-testid="stack" className={lastIsPartial && index === count - 1 ? 'opacity-40' : ''}>
            <title>
              {markTitle(weekLabels[index], formatY(layers.reduce((sum, value) => sum + value, 0)), lastIsPartial && index === count - 1)}
            </title>
            {layers.map((value, layer) => {
              const bottom = yAt(base, yMax);
              base += value;
              const top = yAt(base, yMax);
              return value > 0 ? (
                <rect
                  key={layer}
                  x={xAt(index, count) - barWidth / 2}
                  y={top}
                  width={barWidth}
                  height={bottom - top}
                  className={layerClasses[layer % layerClasses.length]}
                />
              ) : null;
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
