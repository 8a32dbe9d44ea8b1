import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  CircleActivityPage,
  CircleTogether,
  LoginStreak,
  ReactionKey,
  ThriveCircleData,
  ThriveCircleLevel,
  ThriveCirclesHelp,
  ThriveLevelsResponse,
  XPHistoryPage,
} from '../types/thriveCircles';
import { api } from './api';

export const XP_HISTORY_PAGE_SIZE = 50;

export const thriveCircleKeys = {
  all: ['thrive-circles'] as const,
  yourCircle: () => [...thriveCircleKeys.all, 'your-circle'] as const,
  xpHistories: () => [...thriveCircleKeys.all, 'xp-history'] as const,
  xpHistory: (limit: number) => [...thriveCircleKeys.xpHistories(), { limit }] as const,
  levels: () => [...thriveCircleKeys.all, 'levels'] as const,
  help: () => [...thriveCircleKeys.all, 'help'] as const,
  // Quests (services/quests.ts) move with every award, so XP mutations refresh them too. Their own
  // root, outside `all`: a quests error must not count as leaving the launch (queryClient.ts).
  quests: () => ['quests'] as const,
  moments: () => [...thriveCircleKeys.all, 'moments'] as const,
  streak: () => [...thriveCircleKeys.all, 'streak'] as const,
  together: () => [...thriveCircleKeys.all, 'together'] as const,
  circleActivities: () => [...thriveCircleKeys.all, 'circle-activity'] as const,
  circleActivity: (before: string | null) => [...thriveCircleKeys.circleActivities(), { before }] as const,
};

export function getLoginStreak(signal?: AbortSignal): Promise<LoginStreak> {
  return api.get<LoginStreak>('/api/v1/me/streak/', { signal });
}

export const loginStreakQueryOptions = () =>
  queryOptions({
    queryKey: thriveCircleKeys.streak(),
    queryFn: ({ signal }) => getLoginStreak(signal),
    // Moves once a day, when the app opens.
    staleTime: 5 * 60_000,
  });

export function useLoginStreak() {
  return useQuery(loginStreakQueryOptions());
}

export function getYourThriveCircle(signal?: AbortSignal): Promise<ThriveCircleData> {
  return api.get<ThriveCircleData>('/api/v1/me/thrive-circle/', { signal });
}

export function getXPHistory(
  limit: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<XPHistoryPage> {
  return api.get<XPHistoryPage>('/api/v1/me/xp-history/', { params: { limit, cursor }, signal });
}

/** The circle feed's items after the item `before` (the last one shown), newest first. */
export function getCircleActivity(before: string, signal?: AbortSignal): Promise<CircleActivityPage> {
  return api.get<CircleActivityPage>('/api/v1/me/thrive-circle/activity/', { params: { before }, signal });
}

export async function getThriveLevels(signal?: AbortSignal): Promise<ThriveCircleLevel[]> {
  const { levels } = await api.get<ThriveLevelsResponse>('/api/v1/thrive-levels/', { signal });
  return levels;
}

export function getThriveCirclesHelp(signal?: AbortSignal): Promise<ThriveCirclesHelp> {
  return api.get<ThriveCirclesHelp>('/api/v1/thrive-circles/help/', { signal });
}

export const yourThriveCircleQueryOptions = () =>
  queryOptions({
    queryKey: thriveCircleKeys.yourCircle(),
    queryFn: ({ signal }) => getYourThriveCircle(signal),
  });

export const xpHistoryQueryOptions = (limit: number = XP_HISTORY_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: thriveCircleKeys.xpHistory(limit),
    queryFn: ({ pageParam, signal }) => getXPHistory(limit, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });

/** "Show more" of the circle feed, continuing after the item `before`; page after page. */
export const circleActivityQueryOptions = (before: string | null) =>
  infiniteQueryOptions({
    queryKey: thriveCircleKeys.circleActivity(before),
    queryFn: ({ pageParam, signal }) => getCircleActivity(pageParam as string, signal),
    initialPageParam: before,
    getNextPageParam: (lastPage): string | undefined => (lastPage.has_more ? lastPage.events.at(-1)?.id : undefined),
  });

/** Older feed items, fetched only once the person asks for them (`enabled`). */
export function useOlderCircleActivity(before: string | null, enabled: boolean) {
  return useInfiniteQuery({ ...circleActivityQueryOptions(before), enabled: enabled && before !== null });
}

export const thriveLevelsQueryOptions = () =>
  queryOptions({
    queryKey: thriveCircleKeys.levels(),
    queryFn: ({ signal }) => getThriveLevels(signal),
    // Levels are reference data that change with a deploy, not during a visit.
    staleTime: 60 * 60_000,
  });

export const thriveCirclesHelpQueryOptions = () =>
  queryOptions({
    queryKey: thriveCircleKeys.help(),
    queryFn: ({ signal }) => getThriveCirclesHelp(signal),
    // XP values change with a deploy; the next reset moves once a week.
    staleTime: 10 * 60_000,
  });

/** `isLive`: the live socket is open and keeps the page current, so polling pauses. */
export function useYourThriveCircle({ isLive = false }: { isLive?: boolean } = {}) {
  return useQuery({
    ...yourThriveCircleQueryOptions(),
    // Without the live socket, poll while the tab is visible; keep showing the last data
    // during a refresh so nothing flickers or jumps.
    refetchInterval: isLive ? false : 30_000,
    placeholderData: keepPreviousData,
  });
}

export function getCircleTogether(signal?: AbortSignal): Promise<CircleTogether> {
  return api.get<CircleTogether>('/api/v1/me/thrive-circle/together/', { signal });
}

export const circleTogetherQueryOptions = () =>
  queryOptions({
    queryKey: thriveCircleKeys.together(),
    queryFn: ({ signal }) => getCircleTogether(signal),
  });

/** Live messages keep it current; without the socket it refreshes with the page's poll. */
export function useCircleTogether({ isLive = false }: { isLive?: boolean } = {}) {
  return useQuery({ ...circleTogetherQueryOptions(), refetchInterval: isLive ? false : 30_000, placeholderData: keepPreviousData });
}

export function giveKudos(eventId: string, reaction: ReactionKey): Promise<unknown> {
  return api.post(`/api/v1/me/thrive-circle/activity/${eventId}/kudos/`, { reaction });
}

export function useXPHistory(limit: number = XP_HISTORY_PAGE_SIZE) {
  return useInfiniteQuery(xpHistoryQueryOptions(limit));
}

export function useThriveLevels() {
  return useQuery(thriveLevelsQueryOptions());
}

export function useThriveCirclesHelp() {
  return useQuery(thriveCirclesHelpQueryOptions());
}

/**
 * After anything that awards XP: the circle page, every XP history and the level-up moments are stale.
 *
 * The circle page and the histories are usually not on screen when XP is earned (the activity pages
 * award it). Their cached copies are dropped rather than marked stale: a stale copy would show the old
 * XP numbers for a moment on the way back, then jump; without one the page shows its skeleton until
 * the fresh numbers arrive. A copy on screen is refetched in place as before.
 */
export function invalidateXPQueries(queryClient: QueryClient): Promise<void[]> {
  queryClient.removeQueries({ queryKey: thriveCircleKeys.yourCircle(), type: 'inactive' });
  queryClient.removeQueries({ queryKey: thriveCircleKeys.xpHistories(), type: 'inactive' });
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: thriveCircleKeys.yourCircle() }),
    queryClient.invalidateQueries({ queryKey: thriveCircleKeys.xpHistories() }),
    queryClient.invalidateQueries({ queryKey: thriveCircleKeys.quests() }),
    queryClient.invalidateQueries({ queryKey: thriveCircleKeys.moments() }),
  ]);
}

/** Give kudos to a feed item. While live, the socket brings the new count back; otherwise refetch. */
export function useGiveKudos({ isLive }: { isLive: boolean }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, reaction }: { eventId: string; reaction: ReactionKey }) => giveKudos(eventId, reaction),
    onSuccess: () => {
      if (!isLive)
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: thriveCircleKeys.yourCircle() }),
          queryClient.invalidateQueries({ queryKey: thriveCircleKeys.circleActivities() }),
        ]);
    },
  });
}
