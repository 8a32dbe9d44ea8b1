import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { AppRoutes } from '../../routes';
import { makeThriveCircleData } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';

const MAYA = {
  id: 9,
  username: 'maya',
  avatar_url: null,
  is_staff: false,
  thrive_circles_enabled: true,
  onboarding_completed_at: '2026-11-01T09:00:00Z',
};

function serveBackend() {
  let user: typeof MAYA | null = null;
  return mockApi({
    'GET /api/v1/auth/session/': () => json({ user }),
    'POST /api/v1/auth/signup/': ({ init }) => {
      const { password } = JSON.parse(String(init.body));
      if (password === 'password') {
        return json(
          { detail: 'password: This password is too common.', code: 'invalid', errors: { password: ['This password is too common.'] } },
          400,
        );
      }
      user = MAYA;
      return json({ user }, 201);
    },
    'GET /api/v1/me/thrive-circle/': () => json(makeThriveCircleData()),
  });
}

async function fillIn(password: string) {
  await userEvent.type(await screen.findByLabelText('Username'), 'maya');
  await userEvent.type(screen.getByLabelText('Email'), 'maya@example.com');
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

test('the sign-in page says what Thrive Circles is and links to sign-up and password reset', async () => {
  serveBackend();
  renderWithProviders(<AppRoutes />, { route: '/login' });

  expect(await screen.findByRole('region', { name: 'What is Thrive Circles?' })).toHaveTextContent(/No rankings/);
  expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/signup');
  expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/forgot-password');
});

test('a weak password shows the server’s reason next to the field', async () => {
  serveBackend();
  renderWithProviders(<AppRoutes />, { route: '/signup' });
  await fillIn('password');

  expect(await screen.findByText('This password is too common.')).toBeInTheDocument();
  expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
});

test('a new account lands on Your Thrive Circle', async () => {
  serveBackend();
  renderWithProviders(<AppRoutes />, { route: '/signup' });
  await fillIn('green-otter-lantern');

  expect(await screen.findByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();
});
