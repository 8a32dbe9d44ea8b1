import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { viewerTimeZone } from '../lib/resetTime';
import type { SettingsUpdate, UserSettings } from '../types/settings';
import { api } from './api';
import { thriveCircleKeys } from './thriveCircles';

export const settingsKeys = {
  all: ['settings'] as const,
  mine: () => [...settingsKeys.all, 'mine'] as const,
};

export function getSettings(signal?: AbortSignal): Promise<UserSettings> {
  return api.get<UserSettings>('/api/v1/me/settings/', { signal });
}

export function updateSettings(update: SettingsUpdate): Promise<UserSettings> {
  return api.patch<UserSettings>('/api/v1/me/settings/', update);
}

export const settingsQueryOptions = () =>
  queryOptions({
    queryKey: settingsKeys.mine(),
    queryFn: ({ signal }) => getSettings(signal),
    staleTime: 5 * 60_000,
  });

export function useSettings() {
  return useQuery(settingsQueryOptions());
}

/** Saves settings; the page, streak and help move with the zone or a rest, so they refresh too. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKeys.mine(), settings);
      return queryClient.invalidateQueries({ queryKey: thriveCircleKeys.all });
    },
  });
}

/**
 * The zone the viewer's times are shown in: their stored zone, else (not set yet, or loading)
 * this browser's. The server counts an unset zone's days in the platform's zone until the
 * Settings page stores the browser's.
 */
export function useViewerTimeZone(): string {
  const settings = useSettings();
  return settings.data?.time_zone || viewerTimeZone();
}

/**
 * First visit with no zone stored: store this browser's once, so days, streaks and the reset follow
 * the person's clock from now on. Never overrides a zone they chose. Used by Your Thrive Circle
 * (where people land) and Settings.
 */
export function useDetectTimeZone(): void {
  const settings = useSettings().data;
  const { mutate } = useUpdateSettings();
  const asked = useRef(false);
  useEffect(() => {
    if (!settings || settings.time_zone || asked.current) return;
    const detected = viewerTimeZone();
    if (!detected) return;
    asked.current = true;
    mutate({ time_zone: detected });
  }, [settings, mutate]);
}
