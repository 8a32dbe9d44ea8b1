import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { DailyLoginResult, LoginCredentials, PasswordResetConfirm, SessionResponse, SignUpDetails } from '../types/auth';
import { api } from './api';
import { thriveCircleKeys } from './thriveCircles';

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

export function signUp(details: SignUpDetails): Promise<SessionResponse> {
  return api.post<SessionResponse>('/api/v1/auth/signup/', details);
}

/** Always succeeds for a valid email: the server does not say whether it has an account. */
export function requestPasswordReset(email: string): Promise<void> {
  return api.post<void>('/api/v1/auth/password-reset/', { email });
}

export function confirmPasswordReset(body: PasswordResetConfirm): Promise<void> {
  return api.post<void>('/api/v1/auth/password-reset/confirm/', body);
}

/** Counts today's login (once a day on the server, however many tabs ask). */
export function recordDailyLogin(): Promise<DailyLoginResult> {
  return api.post<DailyLoginResult>('/api/v1/me/daily-login/');
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

/** A new account is signed in at once, like a login. */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: (session) => switchUser(queryClient, session),
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}

/**
 * Counts the signed-in user's login for the day: reading the session changes nothing on the
 * server, so the app says "I'm here" with this explicit write, once per app load and again when a
 * tab left open crosses midnight (checked on the next render, e.g. a navigation). The server counts
 * a day once, so other tabs and devices are harmless; the ref keeps re-renders (and StrictMode's
 * second effect run) from sending it again. When the day was counted now, the XP it earned shows on
 * the Thrive Circles pages. A failure is dropped: the next load tries again.
 */
export function useRecordDailyLogin(userId: number) {
  const queryClient = useQueryClient();
  const { mutate } = useMutation({
    mutationFn: recordDailyLogin,
    retry: false,
    onSuccess: (result) => {
      if (result.awarded) void queryClient.invalidateQueries({ queryKey: thriveCircleKeys.all });
    },
    onError: () => {},
  });
  // The browser's day only decides when to ask again; the server decides the day in its time zone.
  const visit = `${userId}:${new Date().toDateString()}`;
  const countedFor = useRef<string | null>(null);
  useEffect(() => {
    if (countedFor.current === visit) return;
    countedFor.current = visit;
    mutate();
  }, [visit, mutate]);
}
