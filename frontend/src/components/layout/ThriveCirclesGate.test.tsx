import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { AppRoutes } from '../../routes';
import { makeThriveCircleData } from '../../test/fixtures';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import type { SessionUser } from '../../types/auth';

const NOT_FOUND = () => json({ detail: 'Not found.', code: 'not_found' }, 404);

function user(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 7,
    username: 'ada_1',
    avatar_url: null,
    is_staff: false,
    thrive_circles_enabled: false,
    onboarding_completed_at: null,
    ...overrides,
  };
}

function serve(sessionUser: SessionUser, circle: () => Response = NOT_FOUND) {
  return mockApi({
    'GET /api/v1/auth/session/': () => json({ user: sessionUser }),
    'GET /api/v1/me/thrive-circle/': circle,
    'POST /api/v1/me/views/': () => new Response(null, { status: 204 }),
  });
}

test.each(['/play/thrive-circle', '/play/thrive-circle/history', '/help/thrive-circles'])(
  'outside the launch, %s shows the coming-soon page and asks nothing about circles',
  async (path) => {
    const fetchMock = serve(user());
    renderWithProviders(<AppRoutes />, { route: path });

    expect(await screen.findByRole('heading', { level: 1, name: 'Thrive Circles is coming soon' })).toBeInTheDocument();
    expect(screen.getByText(/Everything you do now already counts/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Complete a Quick Quiz' })).toHaveAttribute('href', '/quick-quizzes');
    // The day's login counts for everyone, in the launch or not: it is not a circle request.
    const circleCalls = fetchMock.mock.calls.filter(
      ([input]) => !String(input).includes('/auth/session/') && !String(input).includes('/me/daily-login/'),
    );
    expect(circleCalls).toEqual([]);
  },
);

test('outside the launch the navigation keeps only "Your Thrive Circle"', async () => {
  serve(user());
  renderWithProviders(<AppRoutes />, { route: '/play/thrive-circle' });

  const nav = await screen.findByRole('navigation', { name: 'Main' });
  expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Your Thrive Circle']);
});

test('the activities stay open to everyone', async () => {
  mockApi({
    'GET /api/v1/auth/session/': () => json({ user: user() }),
    'GET /api/v1/activities/quiz/': () => json({ id: 'ai-basics', title: 'AI Basics', questions: [] }),
  });
  renderWithProviders(<AppRoutes />, { route: '/quick-quizzes' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Quick Quiz' })).toBeInTheDocument();
});

test('in the launch: Your Thrive Circle, Quests, XP history, Help and Settings; staff also get Insights', async () => {
  serve(user({ thrive_circles_enabled: true, onboarding_completed_at: '2026-11-01T00:00:00Z', is_staff: true }), () =>
    json(makeThriveCircleData()),
  );
  renderWithProviders(<AppRoutes />, { route: '/play/thrive-circle' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();
  const nav = screen.getByRole('navigation', { name: 'Main' });
  expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
    'Your Thrive Circle',
    'Quests',
    'XP history',
    'Help',
    'Settings',
    'Insights',
  ]);
});

test('when the flag is switched off mid-visit, the next 404 brings the coming-soon page', async () => {
  let launched = true;
  const fetchMock = mockApi({
    'GET /api/v1/auth/session/': () =>
      json({ user: user({ thrive_circles_enabled: launched, onboarding_completed_at: '2026-11-01T00:00:00Z' }) }),
    'GET /api/v1/me/thrive-circle/': () => (launched ? json(makeThriveCircleData()) : NOT_FOUND()),
    'POST /api/v1/me/views/': () => new Response(null, { status: 204 }),
  });
  const { queryClient } = renderWithProviders(<AppRoutes />, { route: '/play/thrive-circle' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();

  launched = false;
  await queryClient.refetchQueries({ queryKey: ['thrive-circles'] }); // the page's polling, sooner

  expect(await screen.findByRole('heading', { level: 1, name: 'Thrive Circles is coming soon' })).toBeInTheDocument();
  expect(callsTo(fetchMock, 'GET', '/api/v1/auth/session/').length).toBeGreaterThan(1);
});

test('a signed-out visitor is still asked to sign in first', async () => {
  mockApi({ 'GET /api/v1/auth/session/': () => json({ user: null }) });
  renderWithProviders(<AppRoutes />, { route: '/help/thrive-circles' });
  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
});
