import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginCredentials, SessionResponse } from '../types/auth';
import { api } from './api';

export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};

/** Also sets the `csrftoken` cookie that later POSTs need. */
export function getSession(signal?: AbortSignal): Promise<SessionResponse> {
  return api.get<SessionResponse>('/api/v1/auth/session/', { signal });
}

export function login(credentials: LoginCredentials): Promise<SessionResponse> {
  return api.post<SessionResponse>('/api/v1/auth/login/', credentials);
}

export function logout(): Promise<void> {
  return api.post<void>('/api/v1/auth/logout/');
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** Replace the session and drop every cached query that belonged to the previous user. */
function switchUser(queryClient: QueryClient, session: SessionResponse) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.setQueryData(authKeys.session(), session);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => switchUser(queryClient, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => switchUser(queryClient, { user: null }),
  });
}
