import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { AppRoutes } from '../../routes';
import { makeThriveCircleData } from '../../test/fixtures';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';

function serve(isStaff: boolean) {
  return mockApi({
    'GET /api/v1/auth/session/': () =>
      json({
        user: {
          id: 9, username: 'staff_sky', avatar_url: null, is_staff: isStaff,
          // Soft launch: in the launch, tour already seen.
          thrive_circles_enabled: true, onboarding_completed_at: '2026-11-01T00:00:00Z',
        },
      }),
    'GET /api/v1/me/thrive-circle/': () => json(makeThriveCircleData()),
    'POST /api/v1/me/views/': () => new Response(null, { status: 204 }),
    'GET /api/v1/insights/thrive-circles/': () => json({ generated_at: '2026-11-25T12:00:00Z', weeks: [] }),
  });
}

test('staff see an Insights entry that opens the dashboard, loaded on demand', async () => {
  serve(true);
  renderWithProviders(<AppRoutes />, { route: '/insights/thrive-circles' });

  // The dashboard is a lazily loaded chunk: on a busy machine its import takes more than a second.
  expect(await screen.findByRole('heading', { level: 1, name: 'Thrive Circles insights' }, { timeout: 10_000 })).toBeInTheDocument();
  expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Insights');
  expect(await screen.findByText('No weeks to show yet.')).toBeInTheDocument();
}, 20_000);

test('everyone else has no Insights entry, and opening Your Thrive Circle counts one page view', async () => {
  const fetchMock = serve(false);
  renderWithProviders(<AppRoutes />, { route: '/play/thrive-circle' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();
  expect(screen.getByRole('navigation', { name: 'Main' })).not.toHaveTextContent('Insights');
  const views = callsTo(fetchMock, 'POST', '/api/v1/me/views/').map(([, init]) => JSON.parse(String(init?.body)).feature);
  expect(views.filter((feature) => feature === 'thrive_circle_page')).toHaveLength(1);
});
