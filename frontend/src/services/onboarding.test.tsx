import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, test } from 'vitest';
import { callsTo, json, mockApi } from '../test/mockApi';
import { createQueryClient } from './queryClient';
import { useSession } from './auth';
import { useOnboarding } from './onboarding';

const EVE = { id: 2, username: 'explorer_eve', avatar_url: null, is_staff: false, thrive_circles_enabled: true };

type Answer = () => Response | Promise<Response>;

function renderUseOnboarding(session: Answer, onboarding: Answer = () => json({}, 500)) {
  const fetchMock = mockApi({ 'GET /api/v1/auth/session/': session, 'POST /api/v1/me/onboarding/': onboarding });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  // The session alongside, to tell "not due" from "not known yet".
  return { fetchMock, ...renderHook(() => ({ ...useOnboarding(), session: useSession() }), { wrapper }) };
}

test('not due until the session is known, then due for someone who has not seen the tour', async () => {
  let answer: (response: Response) => void = () => {};
  const { result } = renderUseOnboarding(() => new Promise((resolve) => (answer = resolve)));
  expect(result.current.isTourDue).toBe(false);

  answer(json({ user: { ...EVE, onboarding_completed_at: null } }));
  await waitFor(() => expect(result.current.isTourDue).toBe(true));
});

test('not due once seen, on any device', async () => {
  const { result } = renderUseOnboarding(() =>
    json({ user: { ...EVE, onboarding_completed_at: '2026-11-20T08:00:00Z' } }),
  );
  await waitFor(() => expect(result.current.session.isSuccess).toBe(true));
  expect(result.current.isTourDue).toBe(false);
});

test('marking it seen stops it before the server answers, and tells the server whether it was skipped', async () => {
  let answer: (response: Response) => void = () => {};
  const { result, fetchMock } = renderUseOnboarding(
    () => json({ user: { ...EVE, onboarding_completed_at: null } }),
    () => new Promise((resolve) => (answer = resolve)),
  );
  await waitFor(() => expect(result.current.isTourDue).toBe(true));

  act(() => result.current.markTourSeen(true));
  await waitFor(() => expect(result.current.isTourDue).toBe(false));
  const posts = callsTo(fetchMock, 'POST', '/api/v1/me/onboarding/');
  expect(posts.map(([, init]) => JSON.parse(String(init?.body)))).toEqual([{ skipped: true }]);

  await act(async () => answer(json({ onboarding_completed_at: '2026-11-25T12:00:00Z', skipped: true }, 201)));
  expect(result.current.isTourDue).toBe(false);
});
