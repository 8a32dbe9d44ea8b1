import { expect, test, vi } from 'vitest';
import { makeEvent, makeThriveCircleData } from '../test/fixtures';
import { FakeWebSocket } from '../test/fakeWebSocket';
import type { LiveMessage } from '../types/thriveCircles';
import { applyLiveMessage, backoffMs, FEED_LENGTH, LiveConnection, liveUrl } from './liveCircle';

const VIEWER = 'explorer_eve';

test('a new activity goes on top of the feed', () => {
  const data = makeThriveCircleData();
  const event = makeEvent({ id: 'new', username: 'busy_bea' });
  const next = applyLiveMessage(data, { type: 'activity', event }, VIEWER);
  expect(next.recent_activity.map((e) => e.id)).toEqual(['new', ...data.recent_activity.map((e) => e.id)]);
});

test('an activity already shown is not shown twice', () => {
  const data = makeThriveCircleData();
  const again = data.recent_activity[0];
  expect(applyLiveMessage(data, { type: 'activity', event: again }, VIEWER)).toBe(data);
});

test('the feed keeps its length', () => {
  let data = makeThriveCircleData();
  for (let i = 0; i < FEED_LENGTH + 5; i++) {
    data = applyLiveMessage(data, { type: 'activity', event: makeEvent({ id: `n${i}` }) }, VIEWER);
  }
  expect(data.recent_activity).toHaveLength(FEED_LENGTH);
  expect(data.recent_activity[0].id).toBe(`n${FEED_LENGTH + 4}`);
});

test("the viewer's own activity adds to their week's XP", () => {
  const data = makeThriveCircleData();
  const event = makeEvent({ id: 'mine', username: VIEWER, amount: 20 });
  const next = applyLiveMessage(data, { type: 'activity', event }, VIEWER);
  expect(next.user_profile.weekly_xp).toBe(data.user_profile.weekly_xp + 20);
});

test('kudos count up on their event, marked mine when the viewer gave them', () => {
  const data = makeThriveCircleData();
  const id = data.recent_activity[0].id;
  const kudos = (from: string): LiveMessage => ({ type: 'kudos', event_id: id, from, reaction: 'clap' });
  let next = applyLiveMessage(data, kudos('busy_bea'), VIEWER);
  expect(next.recent_activity[0].reactions).toEqual([{ key: 'clap', count: 1, mine: false }]);
  next = applyLiveMessage(next, kudos(VIEWER), VIEWER);
  expect(next.recent_activity[0].reactions).toEqual([{ key: 'clap', count: 2, mine: true }]);
});

test('kudos for an event no longer in the feed change nothing', () => {
  const data = makeThriveCircleData();
  expect(applyLiveMessage(data, { type: 'kudos', event_id: 'gone', from: 'x', reaction: 'heart' }, VIEWER)).toBe(data);
});

test('reconnects back off from about a second to at most thirty', () => {
  expect(backoffMs(0, () => 1)).toBe(1000);
  expect(backoffMs(3, () => 1)).toBe(8000);
  expect(backoffMs(10, () => 1)).toBe(30_000);
  expect(backoffMs(10, () => 0)).toBe(15_000);
});

test('the socket URL follows the page: wss on https', () => {
  expect(liveUrl({ protocol: 'https:', host: 'circles.example' })).toBe('wss://circles.example/ws/v1/me/thrive-circle/');
  expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8000' })).toBe('ws://127.0.0.1:8000/ws/v1/me/thrive-circle/');
});

function connect() {
  const messages: LiveMessage[] = [];
  const onReconnected = vi.fn();
  const connection = new LiveConnection({
    url: 'ws://test/ws/v1/me/thrive-circle/',
    onMessage: (message) => messages.push(message),
    onReconnected,
    random: () => 1,
  });
  connection.start();
  return { connection, messages, onReconnected };
}

test('a connection goes live on open and relays messages, presence into its snapshot', () => {
  const { connection, messages } = connect();
  expect(connection.getSnapshot().status).toBe('connecting');
  FakeWebSocket.latest().serverOpens();
  FakeWebSocket.latest().serverSends({ type: 'presence', online: ['ana', 'ben'] });
  expect(connection.getSnapshot()).toEqual({ status: 'live', online: ['ana', 'ben'] });
  expect(messages).toEqual([{ type: 'presence', online: ['ana', 'ben'] }]);
  connection.stop();
});

test('a dropped connection retries with backoff and asks for a refetch once back', () => {
  vi.useFakeTimers();
  const { connection, onReconnected } = connect();
  FakeWebSocket.latest().serverOpens();
  FakeWebSocket.latest().serverCloses(1006);
  expect(connection.getSnapshot().status).toBe('offline');
  expect(FakeWebSocket.instances).toHaveLength(1);
  vi.advanceTimersByTime(1000);
  expect(FakeWebSocket.instances).toHaveLength(2);
  FakeWebSocket.latest().serverCloses(1006);
  vi.advanceTimersByTime(1999);
  expect(FakeWebSocket.instances).toHaveLength(2);
  vi.advanceTimersByTime(1);
  expect(FakeWebSocket.instances).toHaveLength(3);
  FakeWebSocket.latest().serverOpens();
  expect(onReconnected).toHaveBeenCalledTimes(1);
  expect(connection.getSnapshot().status).toBe('live');
  connection.stop();
});

test('signed out or outside the launch: no reconnecting', () => {
  vi.useFakeTimers();
  for (const code of [4401, 4403]) {
    FakeWebSocket.instances = [];
    const { connection } = connect();
    FakeWebSocket.latest().serverOpens();
    FakeWebSocket.latest().serverCloses(code);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    connection.stop();
  }
});

test('an open connection pings so the server keeps the viewer present', () => {
  vi.useFakeTimers();
  const { connection } = connect();
  FakeWebSocket.latest().serverOpens();
  vi.advanceTimersByTime(25_000);
  expect(FakeWebSocket.latest().sent).toEqual(['{"type":"ping"}']);
  connection.stop();
  expect(FakeWebSocket.latest().closed).toBe(true);
});
