import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { LEVELS, makeThriveCirclesHelp } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import ThriveCirclesHelpPage from './ThriveCirclesHelpPage';

vi.mock('../../lib/resetTime', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/resetTime')>()),
  viewerTimeZone: () => 'Europe/Berlin',
}));

function serveHelp(overrides = {}) {
  return mockApi({
    'GET /api/v1/thrive-levels/': () => json({ levels: LEVELS }),
    'GET /api/v1/thrive-circles/help/': () => json(makeThriveCirclesHelp(overrides)),
  });
}

test('answers the plan’s questions', async () => {
  serveHelp();
  renderWithProviders(<ThriveCirclesHelpPage />);

  for (const question of [
    'What are Thrive Circles?',
    'How do I earn XP?',
    'When do Circles reset?',
    'What are the levels?',
    'Is this a competition?',
  ]) {
    expect(screen.getByRole('heading', { name: question })).toBeInTheDocument();
  }
  expect(await screen.findByText(/Every week, \w+day \d\d:\d\d your time/)).toBeInTheDocument();
  expect(screen.getByText(/We don't show rankings or #1\/#2 labels/)).toBeInTheDocument();
});

test('the level table matches the level data, lowest first', async () => {
  serveHelp();
  renderWithProviders(<ThriveCirclesHelpPage />);

  const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(LEVELS.length);
  rows.forEach((row, index) => {
    const level = LEVELS[index];
    expect(within(row).getByRole('rowheader')).toHaveTextContent(level.name);
    expect(row).toHaveTextContent(`${level.min_xp.toLocaleString('en-US')}+ XP`);
    expect(row).toHaveTextContent(level.description);
  });
});

test('lists the XP each activity earns, from the API, under the plan’s headings', async () => {
  serveHelp();
  renderWithProviders(<ThriveCirclesHelpPage />);

  const section = screen.getByRole('region', { name: 'How do I earn XP?' });
  await within(section).findByText('Complete a Quick Quiz');
  const quizzes = within(section).getByText('Quick Quizzes').closest('li')!;
  expect(within(quizzes).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
    'Complete a Quick Quiz+20 XP',
    'Perfect score bonus on a quiz+10 XP',
  ]);
  const streaks = within(section).getByText('Daily login streaks').closest('li')!;
  expect(within(streaks).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
    'Check in for the day+5 XP',
    'Keep a 7-day login streak+25 XP',
  ]);
  // No achievement values in this response: the heading is left out rather than shown empty.
  expect(within(section).queryByText('Achievements')).not.toBeInTheDocument();
  expect(within(section).queryByText(/Future:/)).not.toBeInTheDocument(); // no internal roadmap text
});

test('shows the next reset in the viewer’s local time', async () => {
  serveHelp({ reset_at: '2026-11-30T00:00:00Z', time_zone: 'UTC' });
  renderWithProviders(<ThriveCirclesHelpPage />);

  const section = screen.getByRole('region', { name: 'When do Circles reset?' });
  expect(await within(section).findByText('Monday, November 30 at 1:00 AM GMT+1')).toHaveAttribute(
    'datetime',
    '2026-11-30T00:00:00Z',
  );
  expect(section).toHaveTextContent('Every week, Monday 01:00 your time.');
  expect(section).toHaveTextContent('Next reset in your time (Europe/Berlin)');
});

test('the reset follows THRIVE_RESET_HOUR and the person’s stored zone, not "midnight"', async () => {
  mockApi({
    'GET /api/v1/thrive-levels/': () => json({ levels: LEVELS }),
    'GET /api/v1/thrive-circles/help/': () =>
      json(makeThriveCirclesHelp({ reset_at: '2026-11-30T01:00:00Z', time_zone: 'UTC' })),
    'GET /api/v1/me/settings/': () => json({ time_zone: 'America/Los_Angeles' }),
  });
  renderWithProviders(<ThriveCirclesHelpPage />);

  const section = screen.getByRole('region', { name: 'When do Circles reset?' });
  expect(await within(section).findByText(/Every week, Sunday 17:00 your time/)).toBeInTheDocument();
  expect(section).toHaveTextContent('Next reset in your time (America/Los_Angeles)');
  expect(section).not.toHaveTextContent('midnight');
});

test('offers a retry if the levels fail to load', async () => {
  let fail = true;
  mockApi({
    'GET /api/v1/thrive-levels/': () =>
      fail ? json({ detail: 'Try again soon.', code: 'unavailable' }, 503) : json({ levels: LEVELS }),
    'GET /api/v1/thrive-circles/help/': () => json(makeThriveCirclesHelp()),
  });
  renderWithProviders(<ThriveCirclesHelpPage />);

  expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load the levels.");
  fail = false;
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('table')).toBeInTheDocument();
});

test('fair-play limits and the streak are explained, with no roadmap text', async () => {
  serveHelp();
  renderWithProviders(<ThriveCirclesHelpPage />);

  expect(await screen.findByText('Leave 30 seconds between two quizzes: one sooner earns no XP.')).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'How does my login streak count?' })).toBeInTheDocument();
  expect(screen.getByText(/miss a whole day and it starts again at 1/)).toBeInTheDocument();
  expect(screen.queryByText(/Future:/)).not.toBeInTheDocument();
});
