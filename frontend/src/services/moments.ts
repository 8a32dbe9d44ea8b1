import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Celebration, Moments } from '../types/moments';
import { api } from './api';
import { thriveCircleKeys } from './thriveCircles';

export function getMoments(signal?: AbortSignal): Promise<Moments> {
  return api.get<Moments>('/api/v1/me/moments/', { signal });
}

export function markCelebrated(id: number): Promise<Celebration> {
  return api.post<Celebration>(`/api/v1/me/moments/${id}/celebrated/`);
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
