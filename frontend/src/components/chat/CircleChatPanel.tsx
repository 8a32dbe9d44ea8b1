import { faComments } from '@fortawesome/free-solid-svg-icons';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatRelativeTime } from '../../lib/format';
import type { ChatMessage, ChatStatus } from '../../types/chat';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';

export interface CircleChatPanelProps {
  /** Newest first, as the API sends them; shown oldest first. */
  messages: ChatMessage[];
  viewerUsername: string;
  status: ChatStatus;
  mutedUntil: string | null;
  mutedUsernames: string[];
  maxLength: number;
  hasOlder: boolean;
  isLoadingOlder?: boolean;
  onLoadOlder: () => void;
  /** Resolves when stored; rejects with a message to show. */
  onSend: (text: string) => Promise<unknown>;
  onReport: (id: number, reason: string) => Promise<unknown>;
  onMute: (username: string, muted: boolean) => void;
  sendError?: string | null;
}

/**
 * The circle's chat for the week. Every message is plain text, rendered as a React text node
 * (never as HTML): markup in a message shows as the characters typed.
 */
export function CircleChatPanel(props: CircleChatPanelProps) {
  const { messages, viewerUsername, status, mutedUntil, mutedUsernames, maxLength } = props;
  const ordered = [...messages].reverse();
  const newestId = messages[0]?.id;
  const logRef = useRef<HTMLDivElement>(null);
  // Keep the newest message in view when one arrives (the list scrolls, the page does not).
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [newestId]);
  return (
    <Card title="Circle chat" icon={faComments}>
      {props.hasOlder && (
        <Button variant="secondary" className="mb-3" onClick={props.onLoadOlder} disabled={props.isLoadingOlder}>
          {props.isLoadingOlder ? 'Loading…' : 'Show earlier messages'}
        </Button>
      )}
      {ordered.length === 0 ? (
        <p className="text-sm text-slate-600">No messages yet this week. Say hello to your circle!</p>
      ) : (
        // Focusable so the scrolling list can be read with the keyboard alone.
        <div ref={logRef} role="log" aria-label="Circle chat messages" tabIndex={0} className="max-h-96 overflow-y-auto">
          <ol className="flex flex-col gap-3">
            {ordered.map((message) => (
              <ChatLine
                key={message.id}
                message={message}
                isMine={message.username === viewerUsername}
                onReport={props.onReport}
                onMute={() => props.onMute(message.username, true)}
              />
            ))}
          </ol>
        </div>
      )}
      {status === 'closed' ? (
        <p role="status" className="mt-4 text-sm text-slate-700">
          Chat is turned off for this circle.
        </p>
      ) : status === 'muted' ? (
        <p role="status" className="mt-4 text-sm text-slate-700">
          A moderator muted your chat{mutedUntil ? ` until ${new Date(mutedUntil).toLocaleString()}` : ''}. You can still read.
        </p>
      ) : (
        <ChatForm maxLength={maxLength} onSend={props.onSend} error={props.sendError ?? null} />
      )}
      {mutedUsernames.length > 0 && (
        <div className="mt-4 text-sm text-slate-600">
          <p>Hidden for you:</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {mutedUsernames.map((username) => (
              <li key={username}>
                {username}{' '}
                <button type="button" className="text-indigo-700 underline" onClick={() => props.onMute(username, false)}>
                  Unmute {username}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

interface ChatLineProps {
  message: ChatMessage;
  isMine: boolean;
  onReport: (id: number, reason: string) => Promise<unknown>;
  onMute: () => void;
}

function ChatLine({ message, isMine, onReport, onMute }: ChatLineProps) {
  const [reporting, setReporting] = useState(false);
  const [reported, setReported] = useState(false);
  return (
    <li className="flex gap-3" data-testid="chat-message" data-message-id={message.id}>
      <Avatar username={message.username} url={message.avatar_url} size="sm" />
      <div className="min-w-0 flex-1">
        <p className="text-xs text-slate-600">
          <span className="font-semibold text-slate-900">{message.username}</span>{' '}
          <time dateTime={message.created_at}>{formatRelativeTime(message.created_at)}</time>
        </p>
        {message.hidden ? (
          <p className="text-sm italic text-slate-500">Removed by a moderator</p>
        ) : (
          <p className="whitespace-pre-wrap break-words text-sm text-slate-900" data-testid="chat-text">
            {message.text}
          </p>
        )}
        {!isMine && !message.hidden && (
          <div className="mt-1 flex gap-3 text-xs">
            {reported ? (
              <span role="status">Reported. Thank you; a moderator will look at it.</span>
            ) : (
              <button type="button" className="text-slate-600 underline" onClick={() => setReporting((open) => !open)}>
                Report
              </button>
            )}
            <button type="button" className="text-slate-600 underline" onClick={onMute} aria-label={`Mute ${message.username}`}>
              Mute
            </button>
          </div>
        )}
        {reporting && !reported && (
          <ReportForm
            username={message.username}
            onSubmit={(reason) =>
              onReport(message.id, reason).then(() => {
                setReported(true);
                setReporting(false);
              })
            }
          />
        )}
      </div>
    </li>
  );
}

function ReportForm({ username, onSubmit }: { username: string; onSubmit: (reason: string) => Promise<unknown> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    onSubmit(reason).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : 'Could not report.'));
  };
  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2">
      <label htmlFor={id} className="text-xs text-slate-700">
        Why are you reporting {username}'s message?
      </label>
      <input
        id={id}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        maxLength={500}
        required
        className="rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <Button type="submit" variant="secondary">
        Send report
      </Button>
      {error && (
        <p role="alert" className="w-full text-xs text-rose-700">
          {error}
        </p>
      )}
    </form>
  );
}

function ChatForm({ maxLength, onSend, error }: { maxLength: number; onSend: (text: string) => Promise<unknown>; error: string | null }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const id = useId();
  const tooLong = text.trim().length > maxLength;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || tooLong) return;
    setSending(true);
    onSend(text)
      .then(() => setText(''))
      .catch(() => undefined) // the error is shown from `error`
      .finally(() => setSending(false));
  };
  return (
    <form onSubmit={submit} className="mt-4 flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Message your circle
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={2}
        className="rounded-lg border border-slate-300 p-2 text-sm"
        aria-describedby={`${id}-count`}
      />
      <div className="flex items-center justify-between gap-2">
        <span id={`${id}-count`} className={`text-xs ${tooLong ? 'text-rose-700' : 'text-slate-600'}`}>
          {text.trim().length}/{maxLength}
        </span>
        <Button type="submit" disabled={sending || !text.trim() || tooLong}>
          Send
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
    </form>
  );
}
