import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerResult, QuestsPage } from '../types/quests';
import { api } from './api';
import { invalidateXPQueries, thriveCircleKeys } from './thriveCircles';

export const questKeys = {
  all: thriveCircleKeys.quests,
};

export function getMyQuests(signal?: AbortSignal): Promise<QuestsPage> {
  return api.get<QuestsPage>('/api/v1/me/quests/', { signal });
}

export function answerHuntStep(questId: number, order: number, answer: string): Promise<AnswerResult> {
  return api.post<AnswerResult>(`/api/v1/me/quests/${questId}/steps/${order}/answer/`, { answer });
}

export const myQuestsQueryOptions = () =>
  queryOptions({
    queryKey: questKeys.all(),
    queryFn: ({ signal }) => getMyQuests(signal),
  });

export function useMyQuests() {
  return useQuery({ ...myQuestsQueryOptions(), refetchInterval: 30_000 });
}

/** A hunt answer can complete a quest (XP), so quests, the circle and the history refresh after it. */
export function useAnswerHuntStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questId, order, answer }: { questId: number; order: number; answer: string }) =>
      answerHuntStep(questId, order, answer),
    onSuccess: () => invalidateXPQueries(queryClient),
  });
}
