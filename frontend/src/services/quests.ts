import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerResult, QuestProgressMessage, QuestsPage } from '../types/quests';
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

/** The bars an award moved, as the socket reports them (quests it does not name keep theirs). */
export function applyQuestProgress(page: QuestsPage, message: QuestProgressMessage): QuestsPage {
  const moved = new Map(message.quests.map((quest) => [quest.id, quest.progress]));
  return {
    ...page,
    quests: page.quests.map((quest) => {
      const progress = moved.get(quest.id);
      return progress ? { ...quest, progress } : quest;
    }),
  };
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
