// The circle chat: history (cursor pages, newest first), sending, reports and one's own mutes.
// New and hidden messages arrive on the live circle socket (liveCircle.ts) and are merged into the
// same cache by `upsertMessage`, so a message shows once whichever way it came.
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { ChatHistoryPage, ChatMessage } from '../types/chat';
import { api } from './api';
import { thriveCircleKeys } from './thriveCircles';

export const CHAT_PATH = '/api/v1/me/thrive-circle/chat/';

export const chatKeys = {
  all: () => [...thriveCircleKeys.all, 'chat'] as const,
  history: () => [...chatKeys.all(), 'history'] as const,
};

export function getChatHistory(cursor: string | null, signal?: AbortSignal): Promise<ChatHistoryPage> {
  return api.get<ChatHistoryPage>(CHAT_PATH, { params: { cursor }, signal });
}

export function sendChatMessage(text: string): Promise<ChatMessage> {
  return api.post<ChatMessage>(CHAT_PATH, { text });
}

export function reportChatMessage(id: number, reason: string): Promise<unknown> {
  return api.post(`${CHAT_PATH}${id}/report/`, { reason });
}

export function muteMember(username: string): Promise<unknown> {
  return api.post(`${CHAT_PATH}mutes/`, { username });
}

export function unmuteMember(username: string): Promise<unknown> {
  return api.delete(`${CHAT_PATH}mutes/${encodeURIComponent(username)}/`);
}

export const chatHistoryQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: chatKeys.history(),
    queryFn: ({ pageParam, signal }) => getChatHistory(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });

type ChatData = InfiniteData<ChatHistoryPage, string | null>;

/** The cache after one message arrives or changes (hidden, shown again): pure. A known id is
 * replaced where it is; a new one goes first (pages are newest first). */
export function upsertMessage(data: ChatData, message: ChatMessage): ChatData {
  let found = false;
  const pages = data.pages.map((page) => ({
    ...page,
    messages: page.messages.map((m) => {
      if (m.id !== message.id) return m;
      found = true;
      return message;
    }),
  }));
  if (!found && pages.length > 0) {
    pages[0] = { ...pages[0], messages: [message, ...pages[0].messages] };
  }
  return { ...data, pages };
}

export function applyChatMessage(queryClient: QueryClient, message: ChatMessage): void {
  queryClient.setQueryData<ChatData>(chatKeys.history(), (data) => (data ? upsertMessage(data, message) : data));
}

/** `isLive`: the socket brings new messages, so polling pauses. */
export function useCircleChat({ isLive = false }: { isLive?: boolean } = {}) {
  return useInfiniteQuery({ ...chatHistoryQueryOptions(), refetchInterval: isLive ? false : 30_000 });
}

export function useSendChatMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendChatMessage,
    // The socket brings it too; the id keeps it to one copy.
    onSuccess: (message) => applyChatMessage(queryClient, message),
  });
}

export function useReportChatMessage() {
  return useMutation({ mutationFn: ({ id, reason }: { id: number; reason: string }) => reportChatMessage(id, reason) });
}

export function useChatMute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, muted }: { username: string; muted: boolean }) =>
      muted ? muteMember(username) : unmuteMember(username),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.history() }),
  });
}
