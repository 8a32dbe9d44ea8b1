import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { makeEvent } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import XPHistoryPage from './XPHistoryPage';

test('pages back through older XP with the cursor from the previous page', async () => {
  const fetchMock = mockApi({
    'GET /api/v1/me/xp-history/': ({ url }) =>
      url.searchParams.get('cursor') === 'older'
        ? json({ events: [makeEvent({ id: 'old', description: 'Daily login' })], next_cursor: null })
        : json({ events: [makeEvent({ id: 'new', description: 'Completed a Quick Quiz' })], next_cursor: 'older' }),
  });
  renderWithProviders(<XPHistoryPage />);

  const list = await screen.findByRole('list', { name: 'XP events' });
  expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  expect(new URL(String(fetchMock.mock.calls[0][0]), 'http://x').searchParams.get('limit')).toBe('50');

  await userEvent.click(screen.getByRole('button', { name: 'Load older' }));

  expect(await within(list).findByText('Daily login')).toBeInTheDocument();
  expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
    expect.stringContaining('Completed a Quick Quiz'),
    expect.stringContaining('Daily login'),
  ]);
  expect(screen.queryByRole('button', { name: 'Load older' })).not.toBeInTheDocument();
  expect(screen.getByText(/very start of your journey/)).toBeInTheDocument();
});

test('an empty history points to a first activity', async () => {
  mockApi({ 'GET /api/v1/me/xp-history/': () => json({ events: [], next_cursor: null }) });
  renderWithProviders(<XPHistoryPage />);

  expect(await screen.findByText(/No XP yet/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Take a Quick Quiz' })).toHaveAttribute('href', '/quick-quizzes');
});

test('0-XP activities stay in the history, folded into one row until opened', async () => {
  mockApi({
    'GET /api/v1/me/xp-history/': () =>
      json({
        events: [
          makeEvent({ id: 'a', description: 'Completed a Quick Quiz', amount: 20 }),
          makeEvent({ id: 'b', description: 'Completed a Quick Quiz (cooldown)', amount: 0 }),
          makeEvent({ id: 'c', description: 'Entered a Prompt Battle (cooldown)', amount: 0 }),
          makeEvent({ id: 'd', description: 'Daily check-in', amount: 5 }),
        ],
        next_cursor: null,
      }),
  });
  renderWithProviders(<XPHistoryPage />);

  const list = await screen.findByRole('list', { name: 'XP events' });
  const summary = within(list).getByText('2 activities earned no XP this time (fair play)');
  expect(within(list).getByText('Completed a Quick Quiz (cooldown)')).not.toBeVisible();

  await userEvent.click(summary);
  expect(within(list).getByText('Completed a Quick Quiz (cooldown)')).toBeVisible();
  expect(within(list).getByText('Entered a Prompt Battle (cooldown)')).toBeVisible();
});
