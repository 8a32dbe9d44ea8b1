import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  MarkReadRequest,
  MarkReadResult,
  NotificationPage,
  NotificationPreferences,
} from '../types/notifications';
import { api } from './api';

export const NOTIFICATIONS_LIMIT = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (limit: number) => [...notificationKeys.lists(), { limit }] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

export function getNotifications(limit: number, signal?: AbortSignal): Promise<NotificationPage> {
  return api.get<NotificationPage>(`/api/v1/me/notifications/?limit=${limit}`, { signal });
}

export function markNotificationsRead(body: MarkReadRequest): Promise<MarkReadResult> {
  return api.post<MarkReadResult>('/api/v1/me/notifications/read/', body);
}

export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return api.get<NotificationPreferences>('/api/v1/me/notifications/preferences/', { signal });
}

export function updateNotificationPreferences(changes: Partial<NotificationPreferences>): Promise<NotificationPreferences> {
  return api.patch<NotificationPreferences>('/api/v1/me/notifications/preferences/', changes);
}

export const notificationsQueryOptions = (limit = NOTIFICATIONS_LIMIT) =>
  queryOptions({
    queryKey: notificationKeys.list(limit),
    queryFn: ({ signal }) => getNotifications(limit, signal),
  });

export const notificationPreferencesQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => getNotificationPreferences(signal),
  });

/** The bell's list. Pages with the circle's socket hear new ones at once; every page also polls. */
export function useNotifications(limit = NOTIFICATIONS_LIMIT) {
  return useQuery({ ...notificationsQueryOptions(limit), refetchInterval: 30_000 });
}

export function invalidateNotifications(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: () => invalidateNotifications(queryClient),
  });
}

export function useNotificationPreferences() {
  return useQuery(notificationPreferencesQueryOptions());
}

/** Switches move at once (optimistic); a failed save puts them back. */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  const key = notificationKeys.preferences();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onMutate: async (changes) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<NotificationPreferences>(key);
      if (before) queryClient.setQueryData<NotificationPreferences>(key, { ...before, ...changes });
      return { before };
    },
    onError: (_error, _changes, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSuccess: (preferences) => queryClient.setQueryData(key, preferences),
  });
}
