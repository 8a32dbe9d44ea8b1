import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import type { NotificationPreferences as Preferences } from '../../types/notifications';
import { NotificationPreferences } from './NotificationPreferences';

const PREFS = '/api/v1/me/notifications/preferences/';
const ALL_ON: Preferences = {
  circle_assigned: true,
  goal_reached: true,
  kudos_received: true,
  quest_completed: true,
  level_reached: true,
  streak_at_risk: true,
  weekly_recap: true,
};

test('each switch saves just itself', async () => {
  const fetchMock = mockApi({
    [`GET ${PREFS}`]: () => json(ALL_ON),
    [`PATCH ${PREFS}`]: ({ init }) => json({ ...ALL_ON, ...JSON.parse(String(init.body)) }),
  });
  renderWithProviders(<NotificationPreferences />);
  const recap = await screen.findByRole('checkbox', { name: /Weekly recap email/ });
  expect(recap).toBeChecked();
  await userEvent.click(recap);
  await waitFor(() => expect(screen.getByRole('checkbox', { name: /Weekly recap email/ })).not.toBeChecked());
  expect(JSON.parse(String(callsTo(fetchMock, 'PATCH', PREFS)[0][1]?.body))).toEqual({ weekly_recap: false });
  expect(screen.getByRole('status')).toHaveTextContent('Saved.');
});

test('a failed save says why and puts the switch back', async () => {
  mockApi({
    [`GET ${PREFS}`]: () => json(ALL_ON),
    [`PATCH ${PREFS}`]: () => json({ detail: 'Try again later.', code: 'error' }, 503),
  });
  renderWithProviders(<NotificationPreferences />);
  await userEvent.click(await screen.findByRole('checkbox', { name: /Kudos received/ }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Saving failed: Try again later.');
  expect(screen.getByRole('checkbox', { name: /Kudos received/ })).toBeChecked();
});
