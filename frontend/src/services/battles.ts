import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BattleEntryResult, BattleVoteResult, PromptBattle } from '../types/battles';
import { api } from './api';
import { invalidateXPQueries } from './thriveCircles';

export const battleKeys = {
  all: ['prompt-battles'] as const,
  current: () => [...battleKeys.all, 'current'] as const,
};

export function getCurrentBattle(signal?: AbortSignal): Promise<PromptBattle> {
  return api.get<PromptBattle>('/api/v1/prompt-battles/current/', { signal });
}

export function submitBattleEntry({ battleId, round, text }: { battleId: number; round: number; text: string }) {
  return api.post<BattleEntryResult>(`/api/v1/prompt-battles/${battleId}/rounds/${round}/entries/`, { text });
}

export function voteForEntry(entryId: number) {
  return api.post<BattleVoteResult>(`/api/v1/prompt-battles/entries/${entryId}/votes/`);
}

export const currentBattleQueryOptions = () =>
  queryOptions({ queryKey: battleKeys.current(), queryFn: ({ signal }) => getCurrentBattle(signal) });

export function useCurrentBattle() {
  return useQuery(currentBattleQueryOptions());
}

/** Entering a round awards XP: the battle, the circle and every XP history refresh. */
export function useSubmitBattleEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitBattleEntry,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: battleKeys.current() }), invalidateXPQueries(queryClient)]),
  });
}

export function useVoteForEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: voteForEntry,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: battleKeys.current() }),
  });
}
