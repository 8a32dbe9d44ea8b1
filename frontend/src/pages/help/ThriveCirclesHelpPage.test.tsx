import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { LEVELS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import ThriveCirclesHelpPage from './ThriveCirclesHelpPage';

test('answers the plan’s questions and lists the levels from the API', async () => {
  mockApi({ 'GET /api/v1/thrive-levels/': () => json({ levels: LEVELS }) });
  renderWithProviders(<ThriveCirclesHelpPage />);

  for (const question of ['What are Thrive Circles?', 'How do I earn XP?', 'When do Circles reset?', 'Is this a competition?']) {
    expect(screen.getByRole('heading', { name: question })).toBeInTheDocument();
  }
  expect(screen.getByText(/Every Monday at midnight/)).toBeInTheDocument();

  const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
  expect(rows.map((row) => row.textContent)).toEqual([
    expect.stringContaining('Seedling0+ XP'),
    expect.stringContaining('Explorer500+ XP'),
    expect.stringContaining('Creator1,500+ XP'),
    expect.stringContaining('Catalyst3,500+ XP'),
    expect.stringContaining('Luminary7,500+ XP'),
  ]);
});

test('offers a retry if the levels fail to load', async () => {
  let fail = true;
  mockApi({
    'GET /api/v1/thrive-levels/': () =>
      fail ? json({ detail: 'Try again soon.', code: 'unavailable' }, 503) : json({ levels: LEVELS }),
  });
  renderWithProviders(<ThriveCirclesHelpPage />);

  expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load the levels.");
  fail = false;
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('table')).toBeInTheDocument();
});
