import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NewProject,
  Project,
  ProjectResult,
  Quiz,
  QuizAnswers,
  QuizResult,
} from '../types/activities';
import { api } from './api';
import { invalidateXPQueries } from './thriveCircles';

export const activityKeys = {
  all: ['activities'] as const,
  quiz: () => [...activityKeys.all, 'quiz'] as const,
  projects: () => [...activityKeys.all, 'projects'] as const,
};

export function getQuiz(signal?: AbortSignal): Promise<Quiz> {
  return api.get<Quiz>('/api/v1/activities/quiz/', { signal });
}

/** `answers` holds the chosen choice index for each question of quiz `quiz_id`, in order. */
export function submitQuiz(body: QuizAnswers): Promise<QuizResult> {
  return api.post<QuizResult>('/api/v1/activities/quiz/', body);
}

export function createProject(project: NewProject): Promise<ProjectResult> {
  return api.post<ProjectResult>('/api/v1/activities/projects/', project);
}

export async function getProjects(signal?: AbortSignal): Promise<Project[]> {
  const { projects } = await api.get<{ projects: Project[] }>('/api/v1/activities/projects/', { signal });
  return projects;
}

export function publishProject(id: number): Promise<ProjectResult> {
  return api.post<ProjectResult>(`/api/v1/activities/projects/${id}/publish/`);
}

export function reachMilestone({ id, title }: { id: number; title: string }): Promise<ProjectResult> {
  return api.post<ProjectResult>(`/api/v1/activities/projects/${id}/milestones/`, { title });
}

export const projectsQueryOptions = () =>
  queryOptions({ queryKey: activityKeys.projects(), queryFn: ({ signal }) => getProjects(signal) });

export function useProjects() {
  return useQuery(projectsQueryOptions());
}

export const quizQueryOptions = () =>
  queryOptions({
    queryKey: activityKeys.quiz(),
    queryFn: ({ signal }) => getQuiz(signal),
    // Never swap the questions under someone who is answering them; "Take a new quiz" draws new ones.
    staleTime: Infinity,
    gcTime: 0,
  });

export function useQuiz() {
  return useQuery(quizQueryOptions());
}

/** A mutation that awards XP, so the circle, history and (for projects) the project list refresh after it. */
function useXPMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([invalidateXPQueries(queryClient), queryClient.invalidateQueries({ queryKey: activityKeys.projects() })]),
  });
}

export const useSubmitQuiz = () => useXPMutation(submitQuiz);
export const useCreateProject = () => useXPMutation(createProject);
export const usePublishProject = () => useXPMutation(publishProject);
export const useReachMilestone = () => useXPMutation(reachMilestone);
