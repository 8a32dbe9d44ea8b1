import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Celebration, LevelUp, Moments } from '../types/moments';
import { api } from './api';
import { thriveCircleKeys } from './thriveCircles';

export function getMoments(signal?: AbortSignal): Promise<Moments> {
  return api.get<Moments>('/api/v1/me/moments/', { signal });
}

export function markCelebrated(id: number): Promise<Celebration> {
  return api.post<Celebration>(`/api/v1/me/moments/${id}/celebrated/`);
}

/** As many level-ups as GET /api/v1/me/moments/ returns (core/moments/selectors.py FEED_LIMIT). */
export const LEVEL_UPS_LENGTH = 20;

/**
 * The moments after a live `level_up`: the item joins the circle's level-ups, newest first as the
 * server orders them, once (deduplicated by id; the same object back when it is already there).
 */
export function applyLevelUp(moments: Moments, levelUp: LevelUp): Moments {
  if (moments.circle_level_ups.some((item) => item.id === levelUp.id)) return moments;
  const circle_level_ups = [levelUp, ...moments.circle_level_ups]
    .sort((a, b) => Date.parse(b.reached_at) - Date.parse(a.reached_at) || b.id - a.id)
    .slice(0, LEVEL_UPS_LENGTH);
  return { ...moments, circle_level_ups };
}

export const momentsQueryOptions = () =>
  queryOptions({
    queryKey: thriveCircleKeys.moments(),
    queryFn: ({ signal }) => getMoments(signal),
  });

/** Polls with the circle page, so a circle member's level-up shows up in the feed. */
export function useMoments() {
  return useQuery({ ...momentsQueryOptions(), refetchInterval: 30_000, placeholderData: keepPreviousData });
}

export function useMarkCelebrated() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markCelebrated,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: thriveCircleKeys.moments() }),
  });
}
