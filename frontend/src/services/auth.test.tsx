import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { expect, test, vi } from 'vitest';
import { AppRoutes } from '../routes';
import { makeProfile, makeThriveCircleData } from '../test/fixtures';
import { callsTo, json, mockApi } from '../test/mockApi';
import { renderWithProviders } from '../test/render';

const EVE = {
  id: 2,
  username: 'explorer_eve',
  avatar_url: null,
  is_staff: false,
  thrive_circles_enabled: true,
  onboarding_completed_at: '2026-11-01T09:00:00Z',
};
const DAILY_LOGIN = '/api/v1/me/daily-login/';

/** A backend whose server counts the day once, as the real one does. */
function serveBackend({ signedIn = true } = {}) {
  let counted = false;
  let weeklyXp = 120;
  return mockApi({
    'GET /api/v1/auth/session/': () => json({ user: signedIn ? EVE : null }),
    [`POST ${DAILY_LOGIN}`]: () => {
      const awarded = !counted;
      counted = true;
      if (awarded) weeklyXp += 5;
      const body = { awarded, login_date: '2026-12-02', current_streak: 1, points_awarded: awarded ? 5 : 0 };
      return json(body, awarded ? 201 : 200);
    },
    'GET /api/v1/me/thrive-circle/': () =>
      json(makeThriveCircleData({ user_profile: makeProfile({ weekly_xp: weeklyXp }) })),
    'GET /api/v1/me/xp-history/': () => json({ events: [], next_cursor: null }),
  });
}

test('a signed-in page load counts the day once, however often the app re-renders and navigates', async () => {
  const fetchMock = serveBackend();
  renderWithProviders(
    <StrictMode>
      <AppRoutes />
    </StrictMode>,
    { route: '/play/thrive-circle' },
  );

  expect(await screen.findByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('link', { name: 'XP history' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'XP history' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('link', { name: 'Your Thrive Circle' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();

  expect(callsTo(fetchMock, 'POST', DAILY_LOGIN)).toHaveLength(1);
  // Reading the session is only ever a GET.
  expect(callsTo(fetchMock, 'POST', '/api/v1/auth/session/')).toHaveLength(0);
}, 20_000); // three page renders: slow on a busy machine

test('the XP the day earned shows on the page without a reload', async () => {
  serveBackend();
  renderWithProviders(<AppRoutes />, { route: '/play/thrive-circle' });

  // 120 XP when the page first loaded, then the day's 5 XP once the server counted it.
  await waitFor(() => expect(screen.getByText('This week').nextElementSibling).toHaveTextContent('125 XP'));
});

test('a tab left open past midnight counts the next day on its next navigation', async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 1, 23, 50) });
  const fetchMock = serveBackend();
  renderWithProviders(<AppRoutes />, { route: '/play/thrive-circle' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();
  await waitFor(() => expect(callsTo(fetchMock, 'POST', DAILY_LOGIN)).toHaveLength(1));

  vi.setSystemTime(new Date(2026, 11, 2, 0, 10));
  await userEvent.click(screen.getByRole('link', { name: 'XP history' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'XP history' })).toBeInTheDocument();

  await waitFor(() => expect(callsTo(fetchMock, 'POST', DAILY_LOGIN)).toHaveLength(2));
}, 20_000);

test('signed-out visitors send nothing', async () => {
  const fetchMock = serveBackend({ signedIn: false });
  renderWithProviders(<AppRoutes />, { route: '/play/thrive-circle' });

  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  expect(callsTo(fetchMock, 'POST', DAILY_LOGIN)).toHaveLength(0);
});
