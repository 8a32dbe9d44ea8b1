import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { LUMINARY, makeEvent, makeThriveCircleData } from '../../test/fixtures';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { makeQuestsPage } from '../../test/questFixtures';
import { renderWithProviders } from '../../test/render';
import type { ThriveCircleData } from '../../types/thriveCircles';
import YourThriveCirclePage from './YourThriveCirclePage';

const ENDPOINT = '/api/v1/me/thrive-circle/';
const RANK_LABELS = /#\d|\b(1st|2nd|3rd|rank|ranked|ranking|leaderboard|position)\b/i;

function serve(...responses: (ThriveCircleData | Response)[]) {
  let call = 0;
  return mockApi({
    [`GET ${ENDPOINT}`]: () => {
      const response = responses[Math.min(call++, responses.length - 1)];
      return response instanceof Response ? response : json(response);
    },
  });
}

test('shows a skeleton while loading', () => {
  mockApi({ [`GET ${ENDPOINT}`]: () => new Promise<Response>(() => {}) });
  renderWithProviders(<YourThriveCirclePage />);

  expect(screen.getByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('Loading your Thrive Circle…');
});

test('shows every section of the circle, with members in the given order and no rankings', async () => {
  serve(makeThriveCircleData());
  renderWithProviders(<YourThriveCirclePage />);

  expect(await screen.findByRole('heading', { name: 'Explorer' })).toBeInTheDocument();
  expect(screen.getByRole('progressbar', { name: 'Progress to Creator' })).toBeInTheDocument();
  expect(screen.getByText('680 XP to Creator')).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Explorer Circle A' })).toBeInTheDocument();
  expect(screen.getByRole('timer')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: /Complete a Quick Quiz/ })).toBeInTheDocument();
  expect(screen.getByRole('region', { name: 'Circle activity' })).toHaveTextContent('busy_bea Entered a Prompt Battle');

  const members = screen.getByRole('region', { name: 'Growing with you' });
  // quiet_quinn has less XP than busy_bea but is listed first, as the API sent.
  expect(members.textContent?.indexOf('quiet_quinn')).toBeLessThan(members.textContent!.indexOf('busy_bea'));
  expect(document.body.textContent).not.toMatch(RANK_LABELS);
});

test('offers a retry when loading fails, and recovers', async () => {
  serve(json({ detail: 'Server trouble.', code: 'server_error' }, 500), makeThriveCircleData());
  renderWithProviders(<YourThriveCirclePage />);

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent("We couldn't load Your Thrive Circle.");
  expect(alert).toHaveTextContent('Server trouble.');

  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('heading', { name: 'Explorer' })).toBeInTheDocument();
});

test('without a circle this week it says the circle is forming', async () => {
  serve(makeThriveCircleData({ current_circle: null, circle_status: 'forming', circle_members: [], recent_activity: [] }));
  renderWithProviders(<YourThriveCirclePage />);

  expect(await screen.findByRole('heading', { name: 'Your circle is forming' })).toBeInTheDocument();
  expect(screen.getByText('Quiet so far this week — be the first to earn XP!')).toBeInTheDocument();
});

test("after the week ends it shows last week's circle as ended", async () => {
  serve(makeThriveCircleData({ circle_status: 'ended', current_circle: makeThriveCircleData().current_circle }));
  renderWithProviders(<YourThriveCirclePage />);

  expect(await screen.findByRole('heading', { name: "Last week's circle" })).toBeInTheDocument();
  expect(screen.getByText('New circles are forming.')).toBeInTheDocument();
});

test('celebrates the top level', async () => {
  serve(makeThriveCircleData({ current_level: LUMINARY, next_level: null, xp_to_next_level: 0 }));
  renderWithProviders(<YourThriveCirclePage />);

  expect(await screen.findByRole('heading', { name: "You're a Luminary!" })).toBeInTheDocument();
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
});

test('refreshes every 30 seconds without dropping back to the skeleton', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const first = makeThriveCircleData();
  const second = makeThriveCircleData({
    recent_activity: [makeEvent({ id: 'new', username: 'busy_bea', description: 'Shared a new Project' }), ...first.recent_activity],
  });
  const fetchMock = serve(first, second);
  renderWithProviders(<YourThriveCirclePage />);
  expect(await screen.findByText('Entered a Prompt Battle', { exact: false })).toBeInTheDocument();

  await act(() => vi.advanceTimersByTimeAsync(30_000));

  expect(await screen.findByText('Shared a new Project', { exact: false })).toBeInTheDocument();
  expect(callsTo(fetchMock, 'GET', ENDPOINT)).toHaveLength(2);
  expect(screen.queryByText('Loading your Thrive Circle…')).not.toBeInTheDocument();
});

test('fetches the new week as soon as the countdown reaches zero', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fetchMock = serve(makeThriveCircleData({ time_until_reset_seconds: 2 }), makeThriveCircleData());
  renderWithProviders(<YourThriveCirclePage />);
  await screen.findByRole('timer');

  await act(() => vi.advanceTimersByTimeAsync(2_500));

  await waitFor(() => expect(callsTo(fetchMock, 'GET', ENDPOINT)).toHaveLength(2));
  await waitFor(() => expect(screen.getByRole('timer')).toHaveTextContent(/days/));
});

test('keeps showing the last data with a notice when a refresh fails', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  serve(makeThriveCircleData(), json({ detail: 'Down for a moment.', code: 'unavailable' }, 503));
  renderWithProviders(<YourThriveCirclePage />);
  await screen.findByRole('heading', { name: 'Explorer' });

  await act(() => vi.advanceTimersByTimeAsync(30_000));

  expect(await screen.findByText(/couldn't refresh just now/)).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Explorer' })).toBeInTheDocument();
});

describe('the first-visit tour', () => {
  const EVE = { id: 2, username: 'explorer_eve', avatar_url: null, is_staff: false, thrive_circles_enabled: true };

  function serveWithSession(onboardingCompletedAt: string | null) {
    return mockApi({
      [`GET ${ENDPOINT}`]: () => json(makeThriveCircleData()),
      'GET /api/v1/auth/session/': () => json({ user: { ...EVE, onboarding_completed_at: onboardingCompletedAt } }),
      'POST /api/v1/me/onboarding/': ({ init }) =>
        json({ onboarding_completed_at: '2026-11-25T12:00:00Z', ...JSON.parse(String(init.body)) }, 201),
      'POST /api/v1/me/views/': () => new Response(null, { status: 204 }),
    });
  }

  test('points at the page’s sections on a first visit, and finishing is remembered on the server', async () => {
    const fetchMock = serveWithSession(null);
    renderWithProviders(<YourThriveCirclePage />);

    expect(await screen.findByRole('dialog', { name: "You're growing!" })).toBeInTheDocument();
    for (const target of ['level-progress', 'circle', 'countdown', 'recommended-actions', 'feed']) {
      expect(document.querySelector(`[data-tour="${target}"]`)).not.toBeNull();
    }
    for (let step = 1; step < 5; step++) await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const posts = callsTo(fetchMock, 'POST', '/api/v1/me/onboarding/');
    expect(posts.map(([, init]) => JSON.parse(String(init?.body)))).toEqual([{ skipped: false }]);
  });

  test('skipping with Escape is remembered as skipped', async () => {
    const fetchMock = serveWithSession(null);
    renderWithProviders(<YourThriveCirclePage />);

    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const posts = callsTo(fetchMock, 'POST', '/api/v1/me/onboarding/');
    expect(posts.map(([, init]) => JSON.parse(String(init?.body)))).toEqual([{ skipped: true }]);
  });

  test('is not shown again once seen on any device', async () => {
    serveWithSession('2026-11-20T08:00:00Z');
    renderWithProviders(<YourThriveCirclePage />);

    expect(await screen.findByRole('heading', { name: 'Explorer' })).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

test("shows this week's quests and the circle's theme next to the circle", async () => {
  mockApi({
    [`GET ${ENDPOINT}`]: () => json(makeThriveCircleData()),
    'GET /api/v1/me/quests/': () => json(makeQuestsPage()),
  });
  renderWithProviders(<YourThriveCirclePage />);

  const quests = await screen.findByRole('region', { name: "This week's quests" });
  expect(quests).toHaveTextContent('Try a Prompt Battle');
  expect(screen.getByRole('region', { name: "This week's circle" })).toHaveTextContent('This week: Prompt Week');
});

describe('live', () => {
  test('applies live activity and kudos without a reload, once each, and says it is live', async () => {
    const { FakeWebSocket } = await import('../../test/fakeWebSocket');
    const fetchMock = serve(makeThriveCircleData());
    renderWithProviders(<YourThriveCirclePage />);
    await screen.findByRole('heading', { name: 'Explorer' });
    const socket = FakeWebSocket.latest();
    expect(socket.url).toMatch(/\/ws\/v1\/me\/thrive-circle\/$/);
    act(() => socket.serverOpens());
    expect(screen.getByText('Live')).toBeInTheDocument();

    const event = makeEvent({ id: 'live-1', username: 'quiet_quinn', description: 'Completed a Live Quiz' });
    act(() => socket.serverSends({ type: 'activity', event }));
    act(() => socket.serverSends({ type: 'activity', event }));
    // TanStack Query notifies its observers on the next tick.
    const feed = screen.getByRole('region', { name: 'Circle activity' });
    await waitFor(() => expect(feed.textContent?.match(/Completed a Live Quiz/g)).toHaveLength(1));

    act(() => socket.serverSends({ type: 'kudos', event_id: 'live-1', from: 'busy_bea', reaction: 'heart' }));
    expect(await screen.findByRole('button', { name: 'heart for quiet_quinn (1)' })).toBeInTheDocument();
    act(() => socket.serverSends({ type: 'presence', online: ['busy_bea', 'explorer_eve'] }));
    await waitFor(() => expect(feed).toHaveTextContent('Here now: busy_bea'));
    expect(callsTo(fetchMock, 'GET', ENDPOINT)).toHaveLength(1);
  });

  test('without the socket the page says it refreshes every 30 seconds', async () => {
    const { FakeWebSocket } = await import('../../test/fakeWebSocket');
    serve(makeThriveCircleData());
    renderWithProviders(<YourThriveCirclePage />);
    await screen.findByRole('heading', { name: 'Explorer' });
    act(() => FakeWebSocket.latest().serverCloses(1006));
    expect(screen.getByText('Updates every 30 s')).toBeInTheDocument();
  });

  test('kudos go to the server for someone else’s activity', async () => {
    const data = makeThriveCircleData();
    const kudos = vi.fn(() => json({ event_id: 'e1', reaction: 'clap', created_at: '2026-01-01T00:00:00Z' }, 201));
    mockApi({ [`GET ${ENDPOINT}`]: () => json(data), [`POST ${ENDPOINT}activity/e1/kudos/`]: kudos });
    renderWithProviders(<YourThriveCirclePage />);
    await userEvent.click(await screen.findByRole('button', { name: 'clap for busy_bea' }));
    await waitFor(() => expect(kudos).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('button', { name: /for explorer_eve/ })).not.toBeInTheDocument();
  });
});

test('a live message during a refresh is not overwritten by the refresh’s older answer', async () => {
  const { FakeWebSocket } = await import('../../test/fakeWebSocket');
  const data = makeThriveCircleData();
  const id = data.recent_activity[0].id;
  const withKudos = {
    ...data,
    recent_activity: [{ ...data.recent_activity[0], reactions: [{ key: 'clap' as const, count: 1, mine: false }] }, ...data.recent_activity.slice(1)],
  };
  let release: (response: Response) => void = () => {};
  let call = 0;
  mockApi({
    [`GET ${ENDPOINT}`]: () => {
      call += 1;
      if (call === 1) return json(data);
      if (call === 2) return new Promise<Response>((resolve) => (release = resolve)); // read before the kudos
      return json(withKudos);
    },
  });
  const { queryClient } = renderWithProviders(<YourThriveCirclePage />);
  await screen.findByRole('heading', { name: 'Explorer' });
  act(() => FakeWebSocket.latest().serverOpens());
  void queryClient.refetchQueries({ queryKey: ['thrive-circles', 'your-circle'] });
  await waitFor(() => expect(call).toBe(2));
  act(() => FakeWebSocket.latest().serverSends({ type: 'kudos', event_id: id, from: 'quiet_quinn', reaction: 'clap' }));
  release(json(data));
  expect(await screen.findByRole('button', { name: 'clap for busy_bea (1)' })).toBeInTheDocument();
  await waitFor(() => expect(call).toBe(3));
});

describe('circle chat', () => {
  const CHAT = '/api/v1/me/thrive-circle/chat/';
  const history = {
    messages: [{ id: 1, username: 'busy_bea', avatar_url: null, text: 'Morning!', created_at: '2026-11-25T11:00:00Z', hidden: false }],
    next_cursor: null,
    status: 'open',
    muted_until: null,
    muted_usernames: [],
    max_length: 500,
  };

  test('shows no chat panel when chat is off (404)', async () => {
    const fetchMock = mockApi({
      [`GET ${ENDPOINT}`]: () => json(makeThriveCircleData()),
      [`GET ${CHAT}`]: () => json({ detail: 'Chat is not available.', code: 'chat_unavailable' }, 404),
    });
    const { queryClient } = renderWithProviders(<YourThriveCirclePage />);
    await screen.findByRole('heading', { name: 'Explorer' });
    // Wait for the chat's answer to be in the cache, then for the render after it.
    await waitFor(() => expect(queryClient.getQueryState(['thrive-circles', 'chat', 'history'])?.status).toBe('error'));
    await act(async () => {});
    expect(callsTo(fetchMock, 'GET', CHAT)).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Circle chat' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('shows the chat and merges live messages and hides, once each', async () => {
    const { FakeWebSocket } = await import('../../test/fakeWebSocket');
    mockApi({ [`GET ${ENDPOINT}`]: () => json(makeThriveCircleData()), [`GET ${CHAT}`]: () => json(history) });
    renderWithProviders(<YourThriveCirclePage />);
    expect(await screen.findByText('Morning!')).toBeInTheDocument();
    const socket = FakeWebSocket.latest();
    act(() => socket.serverOpens());
    const live = { id: 2, username: 'quiet_quinn', avatar_url: null, text: '<b>hi</b>', created_at: '2026-11-25T11:01:00Z', hidden: false };
    act(() => socket.serverSends({ type: 'chat', message: live }));
    act(() => socket.serverSends({ type: 'chat', message: live }));
    const log = await screen.findByRole('log', { name: 'Circle chat messages' });
    await waitFor(() => expect(log.textContent?.match(/<b>hi<\/b>/g)).toHaveLength(1));
    act(() => socket.serverSends({ type: 'chat', message: { ...live, hidden: true, text: '' } }));
    await waitFor(() => expect(log).not.toHaveTextContent('<b>hi</b>'));
    expect(log).toHaveTextContent('Removed by a moderator');
  });
});

test("on a phone the circle's members come right after the level progress", async () => {
  serve(makeThriveCircleData());
  renderWithProviders(<YourThriveCirclePage />);
  await screen.findByRole('heading', { name: 'Explorer' });
  // Small screens dissolve the columns and order the sections with Tailwind's order-N classes.
  const orderOf = (element: HTMLElement) => {
    const section = element.closest<HTMLElement>('[class*="order-"]');
    return Number(/(?:^|\s)order-(\d)/.exec(section?.className ?? '')?.[1]);
  };
  const progress = orderOf(screen.getByRole('progressbar', { name: 'Progress to Creator' }));
  const members = orderOf(screen.getByRole('region', { name: 'Growing with you' }));
  const others = [
    screen.getByRole('heading', { name: 'Explorer Circle A' }),
    screen.getByRole('region', { name: 'Circle activity' }),
    screen.getByRole('link', { name: /Complete a Quick Quiz/ }),
  ].map(orderOf);
  expect(members).toBe(progress + 1);
  for (const order of others) expect(order).toBeGreaterThan(members);
});

test('"Show more" continues the circle feed past its 20 items, page after page, until there is no more', async () => {
  const recent = Array.from({ length: 20 }, (_, n) => makeEvent({ id: `recent-${n}`, description: `Recent award ${n}` }));
  const pages: Record<string, { events: ReturnType<typeof makeEvent>[]; has_more: boolean }> = {
    'recent-19': { events: [makeEvent({ id: 'older-0', description: 'Older award 0' })], has_more: true },
    'older-0': { events: [makeEvent({ id: 'older-1', description: 'Older award 1' })], has_more: false },
  };
  const fetchMock = mockApi({
    [`GET ${ENDPOINT}`]: () => json(makeThriveCircleData({ recent_activity: recent })),
    'GET /api/v1/me/thrive-circle/activity/': ({ url }) => json(pages[url.searchParams.get('before') ?? '']),
  });
  renderWithProviders(<YourThriveCirclePage />);

  const feed = await screen.findByRole('region', { name: 'Circle activity' });
  expect(feed).toHaveTextContent('Recent award 19');
  expect(callsTo(fetchMock, 'GET', '/api/v1/me/thrive-circle/activity/')).toHaveLength(0); // only on demand
  await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
  expect(await screen.findByText('Older award 0')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
  expect(await screen.findByText('Older award 1')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
});

test('a feed shorter than 20 items offers no "Show more"', async () => {
  serve(makeThriveCircleData());
  renderWithProviders(<YourThriveCirclePage />);
  await screen.findByRole('region', { name: 'Circle activity' });
  expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
});

test('someone resting this week is told so and can come back at once', async () => {
  const resting = { status: 'resting', week_start: '2025-11-17', starts_at: null, ends_at: null, next_week_start: '2025-11-24' };
  let restWeek: object = resting;
  const fetchMock = mockApi({
    [`GET ${ENDPOINT}`]: () => json(makeThriveCircleData({ circle_status: 'ended', why: null })),
    'GET /api/v1/me/settings/': () => json({ time_zone: 'UTC', rest_week: restWeek }),
    'PATCH /api/v1/me/settings/': () => {
      restWeek = { ...resting, status: 'none', week_start: null };
      return json({ time_zone: 'UTC', rest_week: restWeek });
    },
  });
  renderWithProviders(<YourThriveCirclePage />);

  expect(await screen.findByText("You're resting this week.")).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Come back now' }));

  await waitFor(() => expect(screen.queryByText("You're resting this week.")).not.toBeInTheDocument());
  const [patch] = callsTo(fetchMock, 'PATCH', '/api/v1/me/settings/');
  expect(JSON.parse(String(patch[1]?.body))).toEqual({ resting: false });
  // Coming back refreshes the page, which now shows this week's seat.
  await waitFor(() => expect(callsTo(fetchMock, 'GET', ENDPOINT).length).toBeGreaterThan(1));
});

test("the first visit stores the browser's time zone once, where people land", async () => {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let stored = '';
  const rest_week = { status: 'none', week_start: null, starts_at: null, ends_at: null, next_week_start: '2026-11-30' };
  const settings = () => ({ time_zone: stored, effective_time_zone: stored || 'UTC', rest_week });
  const fetchMock = mockApi({
    [`GET ${ENDPOINT}`]: () => json(makeThriveCircleData()),
    'GET /api/v1/me/settings/': () => json(settings()),
    'PATCH /api/v1/me/settings/': ({ init }) => {
      stored = JSON.parse(String(init.body)).time_zone;
      return json(settings());
    },
  });
  renderWithProviders(<YourThriveCirclePage />);
  await screen.findByRole('heading', { name: 'Explorer' });
  await waitFor(() => expect(callsTo(fetchMock, 'PATCH', '/api/v1/me/settings/')).toHaveLength(1));
  expect(JSON.parse(String(callsTo(fetchMock, 'PATCH', '/api/v1/me/settings/')[0][1]?.body))).toEqual({ time_zone: browserZone });
});
