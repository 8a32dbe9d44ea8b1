import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../types/auth';
import { api } from './api';
import { authKeys, useSession } from './auth';

export interface OnboardingRecord {
  onboarding_completed_at: string;
  skipped: boolean;
}

/** Remember on the server that the tour was seen, so no other device shows it again. */
export function completeOnboarding(skipped: boolean): Promise<OnboardingRecord> {
  return api.post<OnboardingRecord>('/api/v1/me/onboarding/', { skipped });
}

/**
 * Marks the tour done. The session copy is updated at once, so the tour closes without waiting
 * for the server; if the request fails, the session is re-read and the tour shows next visit.
 */
export function useCompleteOnboarding() {
  const queryClient = useQueryClient();
  const markDone = (completedAt: string) =>
    queryClient.setQueryData<SessionResponse>(authKeys.session(), (session) =>
      session?.user ? { user: { ...session.user, onboarding_completed_at: completedAt } } : session,
    );
  return useMutation({
    mutationFn: completeOnboarding,
    onMutate: () => markDone(new Date().toISOString()),
    onSuccess: (record) => markDone(record.onboarding_completed_at),
    onError: () => queryClient.invalidateQueries({ queryKey: authKeys.session() }),
  });
}

/**
 * The first-visit tour's server-remembered state: due while the signed-in user has not seen it
 * (on any device), and how to remember that they have. Until the session is known it is not due,
 * so the tour never flashes up for someone who has seen it.
 */
export function useOnboarding() {
  const session = useSession();
  const completeOnboarding = useCompleteOnboarding();
  return {
    isTourDue: session.data?.user?.onboarding_completed_at === null,
    markTourSeen: (skipped: boolean) => completeOnboarding.mutate(skipped),
  };
}
