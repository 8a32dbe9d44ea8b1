import { expect, test } from 'vitest';
import type { ChatHistoryPage, ChatMessage } from '../types/chat';
import { upsertMessage } from './chat';

function message(id: number, fields: Partial<ChatMessage> = {}): ChatMessage {
  return { id, username: 'ana', avatar_url: null, text: `m${id}`, created_at: '2026-11-25T11:00:00Z', hidden: false, ...fields };
}

function page(messages: ChatMessage[]): ChatHistoryPage {
  return { messages, next_cursor: null, status: 'open', muted_until: null, muted_usernames: [], max_length: 500 };
}

test('a new message goes first on the newest page', () => {
  const data = { pages: [page([message(2), message(1)])], pageParams: [null] };
  expect(upsertMessage(data, message(3)).pages[0].messages.map((m) => m.id)).toEqual([3, 2, 1]);
});

test('a known message is replaced where it is, on any page, never added twice', () => {
  const data = { pages: [page([message(3)]), page([message(2), message(1)])], pageParams: [null, 'c'] };
  const hidden = upsertMessage(data, message(2, { hidden: true, text: '' }));
  expect(hidden.pages.map((p) => p.messages.map((m) => [m.id, m.hidden]))).toEqual([[[3, false]], [[2, true], [1, false]]]);
  expect(upsertMessage(hidden, message(3)).pages[0].messages).toHaveLength(1);
});
