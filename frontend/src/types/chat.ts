// The circle chat's API shapes (GET/POST /api/v1/me/thrive-circle/chat/), snake_case as sent.

/** One message. `text` is plain text: render it as a text node, never as HTML. */
export interface ChatMessage {
  id: number;
  username: string;
  avatar_url: string | null;
  /** Empty when a moderator hid the message. */
  text: string;
  created_at: string;
  hidden: boolean;
}

/** open: the viewer may send; closed: staff turned the circle's chat off; muted: staff muted the viewer. */
export type ChatStatus = 'open' | 'closed' | 'muted';

export interface ChatHistoryPage {
  /** Newest first. */
  messages: ChatMessage[];
  next_cursor: string | null;
  status: ChatStatus;
  muted_until: string | null;
  /** Members the viewer chose not to see. */
  muted_usernames: string[];
  max_length: number;
}

/** The chat's messages on the live circle socket. */
export type ChatLiveMessage =
  | { type: 'chat'; message: ChatMessage }
  | { type: 'chat_status'; status: 'open' | 'closed' };
