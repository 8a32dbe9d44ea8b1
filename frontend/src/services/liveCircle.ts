// The live circle: a WebSocket that keeps Your Thrive Circle current without reloads.
//
// Messages are applied to the TanStack Query cache of the page (`applyLiveMessage`, pure), so
// the page renders one source of truth whether it came by socket or by poll. While the socket
// is down the page falls back to its 30-second poll; after a reconnect it refetches once, so
// nothing missed in between is lost, and events are deduplicated by id.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CircleTogether, LiveMessage, ReactionCount, ThriveCircleData, XPEvent } from '../types/thriveCircles';
import { applyChatMessage, chatKeys } from './chat';
import { applyLevelUp } from './moments';
import { invalidateNotifications } from './notifications';
import { applyQuestProgress, questKeys } from './quests';
import type { Moments } from '../types/moments';
import type { QuestsPage } from '../types/quests';
import { invalidateXPQueries, thriveCircleKeys } from './thriveCircles';

export const LIVE_PATH = '/ws/v1/me/thrive-circle/';
export const FEED_LENGTH = 20;
export const PING_EVERY_MS = 25_000;
/** Server close codes after which reconnecting cannot help. */
export const FINAL_CLOSE_CODES = new Set([4401, 4403]);

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface LiveSnapshot {
  status: LiveStatus;
  /** Circle members with the page open, alphabetically (never an order that ranks). */
  online: string[];
}

/** The page's data after one live message: pure, so it is easy to test and to reason about. */
export function applyLiveMessage(
  data: ThriveCircleData,
  message: LiveMessage,
  viewerUsername: string,
): ThriveCircleData {
  switch (message.type) {
    case 'activity': {
      if (data.recent_activity.some((event) => event.id === message.event.id)) return data;
      const event: XPEvent = { reactions: [], ...message.event };
      const mine = event.username === viewerUsername;
      return {
        ...data,
        recent_activity: [event, ...data.recent_activity].slice(0, FEED_LENGTH),
        user_profile: mine
          ? { ...data.user_profile, weekly_xp: data.user_profile.weekly_xp + event.amount }
          : data.user_profile,
      };
    }
    case 'kudos': {
      const index = data.recent_activity.findIndex((event) => event.id === message.event_id);
      if (index === -1) return data;
      const event = data.recent_activity[index];
      const reactions = addReaction(event.reactions ?? [], message.reaction, message.from === viewerUsername);
      const recent = [...data.recent_activity];
      recent[index] = { ...event, reactions };
      return { ...data, recent_activity: recent };
    }
    default:
      return data;
  }
}

const ORDER = ['clap', 'heart', 'sparkles', 'rocket', 'flower'];

function addReaction(reactions: ReactionCount[], key: ReactionCount['key'], mine: boolean): ReactionCount[] {
  const existing = reactions.find((reaction) => reaction.key === key);
  const next = existing
    ? reactions.map((r) => (r.key === key ? { ...r, count: r.count + 1, mine: r.mine || mine } : r))
    : [...reactions, { key, count: 1, mine }];
  return next.sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
}

/** Delay before reconnect attempt `attempt` (0-based): 1 s doubling to 30 s, with jitter so a
 * server restart is not met by every page at the same instant. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.5 + random() / 2));
}

interface ConnectionOptions {
  url: string;
  onMessage: (message: LiveMessage) => void;
  /** Called when the socket opens after having been down (not on the first open). */
  onReconnected?: () => void;
  createSocket?: (url: string) => WebSocket;
  random?: () => number;
}

/** One socket with reconnects, pings and a snapshot for React (useSyncExternalStore). */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private everOpened = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private listeners = new Set<() => void>();
  private snapshot: LiveSnapshot = { status: 'connecting', online: [] };
  private readonly options: ConnectionOptions;

  constructor(options: ConnectionOptions) {
    this.options = options;
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000);
    this.socket = null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  private update(change: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.listeners.forEach((listener) => listener());
  }

  private open(): void {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url));
    let socket: WebSocket;
    try {
      socket = create(this.options.url);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const wasDown = this.everOpened;
      this.everOpened = true;
      this.attempt = 0;
      this.update({ status: 'live' });
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => socket.send(JSON.stringify({ type: 'ping' })), PING_EVERY_MS);
      if (wasDown) this.options.onReconnected?.();
    };
    socket.onmessage = (message: MessageEvent) => {
      let data: LiveMessage;
      try {
        data = JSON.parse(String(message.data)) as LiveMessage;
      } catch {
        return;
      }
      if (data.type === 'presence') this.update({ online: data.online });
      this.options.onMessage(data);
    };
    socket.onclose = (event: CloseEvent) => {
      clearInterval(this.pingTimer);
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      this.update({ status: 'offline', online: [] });
      if (!FINAL_CLOSE_CODES.has(event.code)) this.retry();
    };
  }

  private retry(): void {
    if (this.stopped) return;
    this.update({ status: 'offline' });
    const delay = backoffMs(this.attempt++, this.options.random);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }
}

export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${LIVE_PATH}`;
}

function applyToCache(queryClient: QueryClient, message: LiveMessage): void {
  if (message.type === 'notification') {
    // The list holds the unread count too: one refetch keeps both right (and deduplicated).
    void invalidateNotifications(queryClient);
    return;
  }
  if (message.type === 'chat') {
    applyChatMessage(queryClient, message.message);
    return;
  }
  if (message.type === 'chat_status') {
    void queryClient.invalidateQueries({ queryKey: chatKeys.history() });
    return;
  }
  if (message.type === 'quest_progress') {
    queryClient.setQueryData<QuestsPage>(questKeys.all(), (page) => (page ? applyQuestProgress(page, message) : page));
    // A completion's reward (and its done state) comes from the server.
    if (message.completed) void invalidateXPQueries(queryClient);
    return;
  }
  if (message.type === 'level_up') {
    // As for activities: a fetch under way may predate the level-up; fetch again rather than lose it.
    const stale = queryClient.isFetching({ queryKey: thriveCircleKeys.moments() }) > 0;
    queryClient.setQueryData<Moments>(thriveCircleKeys.moments(), (moments) =>
      moments ? applyLevelUp(moments, message.level_up) : moments,
    );
    if (stale) void queryClient.invalidateQueries({ queryKey: thriveCircleKeys.moments() });
    return;
  }
  if (message.type === 'week_reset') {
    void queryClient.invalidateQueries({ queryKey: thriveCircleKeys.all });
    return;
  }
  if (message.type === 'circle_goal') {
    queryClient.setQueryData<CircleTogether>(thriveCircleKeys.together(), (together) =>
      together ? { ...together, goal: { ...together.goal, ...message.goal } } : together,
    );
    return;
  }
  if (message.type === 'activity') {
    const viewer = queryClient.getQueryData<ThriveCircleData>(thriveCircleKeys.yourCircle())?.user_profile.username;
    const fresh = !queryClient
      .getQueryData<ThriveCircleData>(thriveCircleKeys.yourCircle())
      ?.recent_activity.some((event) => event.id === message.event.id);
    if (fresh && message.event.username === viewer) {
      queryClient.setQueryData<CircleTogether>(thriveCircleKeys.together(), (together) =>
        together ? { ...together, goal: { ...together.goal, your_xp: together.goal.your_xp + message.event.amount } } : together,
      );
    }
  }
  // A fetch already under way may have read the server before this message's change committed;
  // its answer would overwrite the change. Fetch again instead (the in-flight one is cancelled).
  const stale = queryClient.isFetching({ queryKey: thriveCircleKeys.yourCircle() }) > 0;
  queryClient.setQueryData<ThriveCircleData>(thriveCircleKeys.yourCircle(), (data) =>
    data ? applyLiveMessage(data, message, data.user_profile.username) : data,
  );
  if (stale) void queryClient.invalidateQueries({ queryKey: thriveCircleKeys.yourCircle() });
}

const IDLE: LiveSnapshot = { status: 'offline', online: [] };
const noSubscription = () => () => undefined;

/** Keeps the circle page live while mounted; returns the connection's status and who is online. */
export function useLiveCircle(enabled = true): LiveSnapshot {
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  useEffect(() => {
    if (!enabled || typeof WebSocket === 'undefined') return;
    const live = new LiveConnection({
      url: liveUrl(),
      onMessage: (message) => applyToCache(queryClient, message),
      // Whatever happened while we were away: one refetch, then live again.
      onReconnected: () => {
        void queryClient.invalidateQueries({ queryKey: thriveCircleKeys.yourCircle() });
        void queryClient.invalidateQueries({ queryKey: chatKeys.history() });
        void invalidateNotifications(queryClient);
      },
    });
    setConnection(live);
    live.start();
    return () => live.stop();
  }, [enabled, queryClient]);
  return useSyncExternalStore(
    connection?.subscribe ?? noSubscription,
    connection?.getSnapshot ?? (() => IDLE),
  );
}
