import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import type { UserSettings } from '../../types/settings';
import SettingsPage from './SettingsPage';

vi.mock('../../lib/resetTime', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/resetTime')>()),
  viewerTimeZone: () => 'Asia/Tokyo',
}));

function makeSettings(overrides: Partial<UserSettings> = {}): UserSettings {
  return {
    time_zone: '',
    effective_time_zone: 'UTC',
    platform_time_zone: 'UTC',
    next_reset: '2026-11-30T01:00:00Z',
    next_reset_local: '2026-11-30T01:00:00+00:00',
    next_reset_weekday: 'Monday',
    rest_week: { status: 'none', week_start: null, starts_at: null, ends_at: null, next_week_start: '2026-11-30' },
    ...overrides,
  };
}

/** A tiny server: PATCH merges the zone and answers the new settings, as the API does. */
function serveSettings(initial: UserSettings) {
  let current = initial;
  return mockApi({
    'GET /api/v1/me/settings/': () => json(current),
    'PATCH /api/v1/me/settings/': ({ init }) => {
      const body = JSON.parse(String(init.body));
      if (body.time_zone === 'Mars/Base') {
        return json({ detail: "Unknown time zone 'Mars/Base'.", code: 'invalid', errors: { time_zone: ['x'] } }, 400);
      }
      if ('time_zone' in body) current = { ...current, time_zone: body.time_zone, effective_time_zone: body.time_zone };
      if (body.resting === true) {
        current = { ...current, rest_week: { ...current.rest_week, status: 'planned', week_start: '2026-11-30' } };
      }
      if (body.resting === false) current = { ...current, rest_week: { ...current.rest_week, status: 'none', week_start: null } };
      return json(current);
    },
  });
}

test('a first visit stores the browser’s zone once and shows the reset on that clock', async () => {
  const fetchMock = serveSettings(makeSettings());
  renderWithProviders(<SettingsPage />);

  expect(await screen.findByText('Monday 10:00')).toBeInTheDocument(); // 01:00 UTC in Tokyo
  const patches = callsTo(fetchMock, 'PATCH', '/api/v1/me/settings/');
  expect(patches).toHaveLength(1);
  expect(JSON.parse(String(patches[0][1]?.body))).toEqual({ time_zone: 'Asia/Tokyo' });
});

test('a stored zone is never overridden by the browser’s', async () => {
  const fetchMock = serveSettings(makeSettings({ time_zone: 'Europe/Paris', effective_time_zone: 'Europe/Paris' }));
  renderWithProviders(<SettingsPage />);

  expect(await screen.findByText('Monday 02:00')).toBeInTheDocument();
  expect(callsTo(fetchMock, 'PATCH', '/api/v1/me/settings/')).toHaveLength(0);
});

test('searching and choosing another zone moves the reset', async () => {
  serveSettings(makeSettings({ time_zone: 'Asia/Tokyo', effective_time_zone: 'Asia/Tokyo' }));
  renderWithProviders(<SettingsPage />);
  await screen.findByText('Monday 10:00');

  await userEvent.type(screen.getByLabelText('Search time zones'), 'los angeles');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Time zone' }), 'America/Los_Angeles');
  await userEvent.click(screen.getByRole('button', { name: 'Save time zone' }));

  expect(await screen.findByText('Sunday 17:00')).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('Saved: your times now follow America/Los_Angeles.');
});

test('takes a rest week and cancels it', async () => {
  serveSettings(makeSettings({ time_zone: 'UTC', effective_time_zone: 'UTC' }));
  renderWithProviders(<SettingsPage />);

  await userEvent.click(await screen.findByRole('button', { name: 'Rest the week of November 30' }));
  expect(await screen.findByText("You're resting the week of November 30.")).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Cancel my rest' }));
  expect(await screen.findByRole('button', { name: 'Rest the week of November 30' })).toBeInTheDocument();
});

test('a resting person can come back now', async () => {
  serveSettings(
    makeSettings({
      time_zone: 'UTC',
      rest_week: { status: 'resting', week_start: '2026-11-23', starts_at: null, ends_at: null, next_week_start: '2026-11-30' },
    }),
  );
  renderWithProviders(<SettingsPage />);

  await userEvent.click(await screen.findByRole('button', { name: 'Come back now' }));
  expect(await screen.findByRole('button', { name: 'Rest the week of November 30' })).toBeInTheDocument();
});
