import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ThriveCirclesKPIs } from '../types/insights';
import { api } from './api';

export const DASHBOARD_WEEKS = 12;

export const insightsKeys = {
  all: ['insights'] as const,
  kpis: (weeks: number) => [...insightsKeys.all, 'kpis', { weeks }] as const,
};

export function getThriveCirclesKPIs(weeks: number, signal?: AbortSignal): Promise<ThriveCirclesKPIs> {
  return api.get<ThriveCirclesKPIs>('/api/v1/insights/thrive-circles/', { params: { weeks }, signal });
}

export const thriveCirclesKPIsQueryOptions = (weeks: number = DASHBOARD_WEEKS) =>
  queryOptions({
    queryKey: insightsKeys.kpis(weeks),
    queryFn: ({ signal }) => getThriveCirclesKPIs(weeks, signal),
    // Finished weeks don't change and the running week moves slowly.
    staleTime: 5 * 60_000,
  });

export function useThriveCirclesKPIs(weeks: number = DASHBOARD_WEEKS) {
  return useQuery(thriveCirclesKPIsQueryOptions(weeks));
}
