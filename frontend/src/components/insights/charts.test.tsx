import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { niceMax, formatPercent } from '../../lib/charts';
import { BarChart } from './BarChart';
import { LineChart } from './LineChart';

const WEEKS = ['Nov 2', 'Nov 9', 'Nov 16', 'Nov 23'];

test('an axis tops out at a round number above the data', () => {
  expect([0, 0.4, 1, 7, 13, 250, 251, 999].map(niceMax)).toEqual([1, 0.5, 1, 10, 20, 250, 500, 1000]);
  expect([formatPercent(0.6349), formatPercent(null)]).toEqual(['63%', '–']);
});

test('bars are drawn only for weeks with a value, taller for more', () => {
  render(<BarChart label="Level-ups" weekLabels={WEEKS} values={[10, 0, null, 20]} formatY={String} barClass="fill-emerald-500" />);
  const bars = screen.getAllByTestId('bar');
  expect(bars).toHaveLength(2);
  expect(Number(bars[1].getAttribute('height'))).toBeCloseTo(2 * Number(bars[0].getAttribute('height')));
  expect(screen.getByRole('img', { name: 'Level-ups' })).toHaveTextContent('20'); // the axis top
});

test('a line breaks where a week has no value and dashes into the running week', () => {
  const { container } = render(
    <LineChart
      label="Retention"
      weekLabels={WEEKS}
      yMax={1}
      formatY={(value) => formatPercent(value)}
      lastIsPartial
      series={[{ name: 'Retention', values: [null, 0.5, 0.8, 0.7], strokeClass: 'stroke-emerald-500', fillClass: 'fill-emerald-500' }]}
    />,
  );
  const segments = container.querySelectorAll('line.stroke-emerald-500');
  expect(segments).toHaveLength(2);
  expect(segments[1].getAttribute('stroke-dasharray')).toBe('5 5');
  // A point per week with a value, each saying its week and value; only the last is still running.
  expect(container.querySelectorAll('circle')).toHaveLength(3);
  const points = container.querySelectorAll('circle');
  expect(points[0]).toHaveTextContent('Week of Nov 9: Retention 50%');
  expect(points[2]).toHaveTextContent('Week of Nov 23: Retention 70% (running week, still counting)');
  expect(screen.getAllByText(/running week/)).toEqual([points[2].querySelector('title')]);
  expect(screen.getByRole('img', { name: 'Retention (the week of Nov 23 is still running)' })).toBeInTheDocument();
});

test('the running week is announced on its bar, and on no other', () => {
  render(<BarChart label="Level-ups" weekLabels={WEEKS} values={[10, 5, 12, 20]} formatY={String} barClass="fill-emerald-500" lastIsPartial />);
  const bars = screen.getAllByTestId('bar');
  expect(bars[3]).toHaveTextContent('Week of Nov 23: 20 (running week, still counting)');
  expect(bars[2]).toHaveTextContent('Week of Nov 16: 12');
  expect(screen.getAllByText(/running week/)).toHaveLength(1);
  expect(screen.getByRole('img', { name: 'Level-ups (the week of Nov 23 is still running)' })).toBeInTheDocument();
});

test('without a running week no bar says it is still counting', () => {
  render(<BarChart label="Level-ups" weekLabels={WEEKS} values={[10, 5, 12, 20]} formatY={String} barClass="fill-emerald-500" />);
  expect(screen.queryAllByText(/running week/)).toEqual([]);
  expect(screen.getAllByTestId('bar')[3]).toHaveTextContent('Week of Nov 23: 20');
  expect(screen.getByRole('img', { name: 'Level-ups' })).toBeInTheDocument();
});
