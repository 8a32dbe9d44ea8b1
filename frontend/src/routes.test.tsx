import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { AppRoutes } from './routes';
import { makeThriveCircleData } from './test/fixtures';
import { callsTo, json, mockApi } from './test/mockApi';
import { renderWithProviders } from './test/render';

const EVE = {
  id: 2,
  username: 'explorer_eve',
  avatar_url: null,
  is_staff: false,
  thrive_circles_enabled: true,
  onboarding_completed_at: '2026-11-01T09:00:00Z', // the tour has its own tests
};

function serveBackend({ signedIn }: { signedIn: boolean }) {
  let user = signedIn ? EVE : null;
  return mockApi({
    'GET /api/v1/auth/session/': () => json({ user }),
    'POST /api/v1/auth/login/': ({ init }) => {
      const { password } = JSON.parse(String(init.body));
      if (password !== 'thrive-demo') {
        return json({ detail: 'Invalid username or password.', code: 'invalid_credentials' }, 400);
      }
      user = EVE;
      return json({ user });
    },
    'POST /api/v1/auth/logout/': () => {
      user = null;
      return new Response(null, { status: 204 });
    },
    'GET /api/v1/me/thrive-circle/': () =>
      user ? json(makeThriveCircleData()) : json({ detail: 'Sign in first.', code: 'not_authenticated' }, 403),
    'GET /api/v1/me/xp-history/': () => json({ events: [], next_cursor: null }),
  });
}

test('sends signed-out visitors to sign in, then back where they were going', async () => {
  serveBackend({ signedIn: false });
  renderWithProviders(<AppRoutes />, { route: '/play/thrive-circle/history' });

  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  expect(screen.getByText(/Demo users: see the README — e.g. explorer_eve \/ thrive-demo/)).toBeInTheDocument();

  await userEvent.type(screen.getByLabelText('Username'), 'explorer_eve');
  await userEvent.type(screen.getByLabelText('Password'), 'thrive-demo');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'XP history' })).toBeInTheDocument();
  expect(screen.getByRole('banner')).toHaveTextContent('explorer_eve');
});

test('shows the server’s message for wrong credentials', async () => {
  serveBackend({ signedIn: false });
  renderWithProviders(<AppRoutes />, { route: '/login' });

  await userEvent.type(await screen.findByLabelText('Username'), 'explorer_eve');
  await userEvent.type(screen.getByLabelText('Password'), 'nope');
  await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('Invalid username or password.');
});

test('the root redirects to Your Thrive Circle, and signing out returns to sign-in', async () => {
  const fetchMock = serveBackend({ signedIn: true });
  renderWithProviders(<AppRoutes />, { route: '/' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Your Thrive Circle' })).toHaveAttribute('aria-current', 'page');

  await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  expect(callsTo(fetchMock, 'POST', '/api/v1/auth/logout/')).toHaveLength(1);
});

test('unknown paths get a friendly not-found page inside the app', async () => {
  serveBackend({ signedIn: true });
  renderWithProviders(<AppRoutes />, { route: '/nowhere' });
  expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
});
