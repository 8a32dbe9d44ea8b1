import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { expect, test } from 'vitest';
import { createQueryClient } from '../../services/queryClient';
import { useLiveCircle } from '../../services/liveCircle';
import { FakeWebSocket } from '../../test/fakeWebSocket';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import type { AppNotification, NotificationPage } from '../../types/notifications';
import { NotificationBell } from './NotificationBell';

const LIST = '/api/v1/me/notifications/';
const READ = '/api/v1/me/notifications/read/';

function makeNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 1,
    kind: 'kudos_received',
    title: 'ben sent you a clap.',
    url: '/play/thrive-circle',
    payload: { from: 'ben', reaction: 'clap' },
    created_at: new Date().toISOString(),
    read_at: null,
    ...overrides,
  };
}

function page(results: AppNotification[]): NotificationPage {
  return { results, unread_count: results.filter((n) => n.read_at === null).length, next_cursor: null };
}

test('the bell names the unread count and shows it as a badge', async () => {
  mockApi({ [`GET ${LIST}`]: () => json(page([makeNotification(), makeNotification({ id: 2 })])) });
  renderWithProviders(<NotificationBell />);
  expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
  expect(screen.getByTestId('notification-badge')).toHaveTextContent('2');
});

test('with nothing unread there is no badge', async () => {
  mockApi({ [`GET ${LIST}`]: () => json(page([makeNotification({ read_at: '2026-11-25T10:00:00Z' })])) });
  renderWithProviders(<NotificationBell />);
  expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
  expect(screen.queryByTestId('notification-badge')).not.toBeInTheDocument();
});

test('opening lists the notifications newest first, and Escape closes and returns focus', async () => {
  mockApi({
    [`GET ${LIST}`]: () =>
      json(page([makeNotification({ id: 2, title: 'Your circle reached its goal of 200 XP together.' }), makeNotification()])),
  });
  renderWithProviders(<NotificationBell />);
  const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
  await userEvent.click(bell);
  expect(bell).toHaveAttribute('aria-expanded', 'true');
  const items = screen.getAllByRole('listitem');
  expect(items.map((item) => item.textContent)).toEqual([
    expect.stringContaining('Your circle reached its goal'),
    expect.stringContaining('ben sent you a clap.'),
  ]);
  expect(screen.getByRole('link', { name: 'Notification settings' })).toHaveAttribute('href', '/settings#notifications');
  await userEvent.keyboard('{Escape}');
  expect(screen.queryByRole('region', { name: 'Your notifications' })).not.toBeInTheDocument();
  expect(bell).toHaveFocus();
});

test('"Mark all read" marks them on the server and the count goes to none', async () => {
  let read = false;
  const fetchMock = mockApi({
    [`GET ${LIST}`]: () => json(page([makeNotification({ read_at: read ? '2026-11-25T10:00:00Z' : null })])),
    [`POST ${READ}`]: () => {
      read = true;
      return json({ marked: 1, unread_count: 0 });
    },
  });
  renderWithProviders(<NotificationBell />);
  await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
  await userEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
  expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
  const [[, init]] = callsTo(fetchMock, 'POST', READ);
  expect(JSON.parse(String(init?.body))).toEqual({ all: true });
});

test('opening one notification marks just that one read', async () => {
  const fetchMock = mockApi({
    [`GET ${LIST}`]: () => json(page([makeNotification({ id: 7 })])),
    [`POST ${READ}`]: () => json({ marked: 1, unread_count: 0 }),
  });
  renderWithProviders(<NotificationBell />);
  await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
  await userEvent.click(screen.getByRole('link', { name: /ben sent you a clap/ }));
  await waitFor(() => expect(callsTo(fetchMock, 'POST', READ)).toHaveLength(1));
  expect(JSON.parse(String(callsTo(fetchMock, 'POST', READ)[0][1]?.body))).toEqual({ ids: [7] });
});

test('a notification on the live socket refreshes the bell', async () => {
  let count = 0;
  const fetchMock = mockApi({ [`GET ${LIST}`]: () => json(page(Array.from({ length: count }, (_, i) => makeNotification({ id: i + 1 })))) });
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  renderHook(() => useLiveCircle(), { wrapper });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <NotificationBell />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
  count = 1;
  act(() => {
    FakeWebSocket.latest().serverOpens();
    FakeWebSocket.latest().serverSends({ type: 'notification', notification: makeNotification() });
  });
  expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  expect(callsTo(fetchMock, 'GET', LIST).length).toBeGreaterThanOrEqual(2);
});
