import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import type { ThriveCirclesKPIs, WeekMetrics } from '../../types/insights';
import ThriveCirclesInsightsPage from './ThriveCirclesInsightsPage';

const ENDPOINT = '/api/v1/insights/thrive-circles/';
const LEVELS = ['Seedling', 'Explorer', 'Creator', 'Catalyst', 'Luminary'];

function week(index: number, overrides: Partial<WeekMetrics> = {}): WeekMetrics {
  const start = new Date(Date.UTC(2026, 8, 7 + 7 * index));
  const end = new Date(start.getTime() + 6 * 86_400_000);
  return {
    week_start: start.toISOString().slice(0, 10),
    week_end: end.toISOString().slice(0, 10),
    is_complete: index < 11,
    registered_users: 300,
    active_users: 180 + index,
    active_share: (180 + index) / 300,
    xp_total: 60_000,
    avg_xp_per_active_user: 320 + index,
    activities: 2600,
    activities_per_active_user: 14.5,
    previous_active_users: index === 0 ? 0 : 175,
    retained_users: index === 0 ? 0 : 140,
    retention: index === 0 ? null : 0.8,
    page_views: 800,
    page_viewers: 170,
    feed_views: 200 + 20 * index,
    feed_viewers: 100,
    previous_page_viewers: index === 0 ? 0 : 160,
    returning_page_viewers: index === 0 ? 0 : 120,
    page_return_rate: index === 0 ? null : 0.75,
    page_time_visitors: 150,
    median_page_minutes: 3 + index / 2,
    level_ups: 30 - index,
    limited_awards: 20,
    spike_flags: index === 10 ? 1 : 0,
    level_distribution: LEVELS.map((level, order) => ({ level, order: order + 1, users: 100 - 20 * order })),
    ...overrides,
  };
}

function kpis(): ThriveCirclesKPIs {
  return { generated_at: '2026-11-25T12:00:00Z', weeks: Array.from({ length: 12 }, (_, index) => week(index)) };
}

test('draws every metric as a chart over twelve weeks, with the numbers behind each', async () => {
  mockApi({ [`GET ${ENDPOINT}`]: () => json(kpis()) });
  renderWithProviders(<ThriveCirclesInsightsPage />);

  expect(await screen.findByRole('img', { name: /Share of people active and week-over-week retention/ })).toBeInTheDocument();
  for (const name of [
    /Average XP per active person/, /Activities per active person/, /page views and activity feed views/,
    /People who levelled up/, /People by level at the end of each week/, /fair-play rules/,
    /Median minutes on Your Thrive Circle per weekly visitor/, /opened Your Thrive Circle again/,
  ]) {
    expect(screen.getByRole('img', { name })).toBeInTheDocument();
  }
  const levelUps = screen.getByRole('img', { name: /People who levelled up/ });
  expect(within(levelUps).getAllByTestId('bar')).toHaveLength(12);
  // The running week (the last, Nov 23) says so on its bar; the finished weeks don't.
  const bars = within(levelUps).getAllByTestId('bar');
  expect(bars[11]).toHaveTextContent('Week of Nov 23: 19 (running week, still counting)');
  expect(bars[10]).toHaveTextContent('Week of Nov 16: 20');
  expect(within(levelUps).getAllByText(/running week/)).toHaveLength(1);
  expect(levelUps).toHaveAccessibleName(/the week of Nov 23 is still running/);
  const byLevel = screen.getByRole('img', { name: /People by level/ });
  expect(within(byLevel).getAllByTestId('stack')).toHaveLength(12);
  expect(within(byLevel).getAllByTestId('stack')[11]).toHaveTextContent(/^Week of Nov 23: 300 \(running week, still counting\)$/);
  expect(within(byLevel).getAllByText(/running week/)).toHaveLength(1);

  const card = screen.getByRole('region', { name: 'Level-ups' });
  await userEvent.click(within(card).getByText('Show the numbers'));
  const rows = within(card).getAllByRole('row');
  expect(rows).toHaveLength(13);
  expect(rows[1]).toHaveTextContent('Sep 730');
}, 20_000); // a dozen charts render slowly in jsdom on a busy machine

test('shows the median minutes on the page and the share of viewers who came back, week by week', async () => {
  mockApi({ [`GET ${ENDPOINT}`]: () => json(kpis()) });
  renderWithProviders(<ThriveCirclesInsightsPage />);

  const time = await screen.findByRole('region', { name: 'Time on Your Thrive Circle' });
  expect(within(time).getAllByTestId('bar')).toHaveLength(12);
  expect(within(time).getAllByTestId('bar')[10]).toHaveTextContent('Week of Nov 16: 8');
  await userEvent.click(within(time).getByText('Show the numbers'));
  expect(within(time).getAllByRole('row')[1]).toHaveTextContent('Sep 73150');

  const returning = screen.getByRole('region', { name: 'Returning to their circle' });
  await userEvent.click(within(returning).getByText('Show the numbers'));
  expect(within(returning).getAllByRole('row')[1]).toHaveTextContent('Sep 7–');
  expect(within(returning).getAllByRole('row')[2]).toHaveTextContent('Sep 1475% (120 of 160)');
}, 20_000); // a dozen charts render slowly in jsdom on a busy machine

test('sums up the last full week against the one before', async () => {
  mockApi({ [`GET ${ENDPOINT}`]: () => json(kpis()) });
  renderWithProviders(<ThriveCirclesInsightsPage />);

  const summary = await screen.findByRole('region', { name: 'Week of Nov 16' });
  expect(summary).toHaveTextContent('Active63%190 people');
  expect(summary).toHaveTextContent('Retention80%140 came back');
  expect(summary).toHaveTextContent('Minutes on the page8median of 150 visitors');
  expect(summary).toHaveTextContent('XP per active person330+1 on the week before');
  expect(summary).toHaveTextContent('Level-ups20−1 on the week before');
});

test('tells people without staff rights that the page is for staff, without a retry', async () => {
  mockApi({
    [`GET ${ENDPOINT}`]: () => json({ detail: 'You do not have permission to perform this action.', code: 'permission_denied' }, 403),
  });
  renderWithProviders(<ThriveCirclesInsightsPage />);

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('This page is for staff.');
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
});

test('offers a retry when the server fails', async () => {
  let calls = 0;
  mockApi({ [`GET ${ENDPOINT}`]: () => (calls++ === 0 ? json({ detail: 'Server trouble.', code: 'error' }, 500) : json(kpis())) });
  renderWithProviders(<ThriveCirclesInsightsPage />);

  await userEvent.click(await screen.findByRole('button', { name: 'Try again' }, { timeout: 5000 }));
  expect(await screen.findByRole('img', { name: /People by level/ })).toBeInTheDocument();
});
