import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { ChatMessage } from '../../types/chat';
import { CircleChatPanel, type CircleChatPanelProps } from './CircleChatPanel';

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';

function message(fields: Partial<ChatMessage>): ChatMessage {
  return { id: 1, username: 'busy_bea', avatar_url: null, text: 'hello', created_at: '2026-11-25T11:00:00Z', hidden: false, ...fields };
}

function renderPanel(props: Partial<CircleChatPanelProps> = {}) {
  const handlers = {
    onSend: vi.fn(() => Promise.resolve()),
    onReport: vi.fn(() => Promise.resolve()),
    onMute: vi.fn(),
    onLoadOlder: vi.fn(),
  };
  render(
    <CircleChatPanel
      messages={[]}
      viewerUsername="explorer_eve"
      status="open"
      mutedUntil={null}
      mutedUsernames={[]}
      maxLength={500}
      hasOlder={false}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

test('shows messages oldest first (the API sends newest first)', () => {
  renderPanel({ messages: [message({ id: 2, text: 'second' }), message({ id: 1, text: 'first' })] });
  const texts = screen.getAllByTestId('chat-text').map((node) => node.textContent);
  expect(texts).toEqual(['first', 'second']);
});

test('markup in a message is shown as the characters typed and creates no element', () => {
  renderPanel({ messages: [message({ text: XSS })] });
  const log = screen.getByRole('log', { name: 'Circle chat messages' });
  expect(screen.getByTestId('chat-text').textContent).toBe(XSS);
  expect(log.querySelector('script, b, img[src="x"]')).toBeNull();
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
});

test('a hidden message says it was removed by a moderator and shows no text', () => {
  renderPanel({ messages: [message({ hidden: true, text: '' })] });
  expect(screen.getByText('Removed by a moderator')).toBeInTheDocument();
  expect(screen.queryByTestId('chat-text')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
});

test('sends the typed text and clears the box', async () => {
  const { onSend } = renderPanel();
  const box = screen.getByRole('textbox', { name: 'Message your circle' });
  await userEvent.type(box, 'Hi all');
  await userEvent.click(screen.getByRole('button', { name: 'Send' }));
  expect(onSend).toHaveBeenCalledWith('Hi all');
  expect(box).toHaveValue('');
});

test('an empty or too long message cannot be sent, and the count says why', async () => {
  renderPanel({ maxLength: 5 });
  const send = screen.getByRole('button', { name: 'Send' });
  expect(send).toBeDisabled();
  await userEvent.type(screen.getByRole('textbox', { name: 'Message your circle' }), 'toolong');
  expect(send).toBeDisabled();
  expect(screen.getByText('7/5')).toBeInTheDocument();
});

test('shows the server’s reason when a send fails', () => {
  renderPanel({ sendError: 'You can send 5 messages every 10 seconds; try again in 3 s.' });
  expect(screen.getByRole('alert')).toHaveTextContent('try again in 3 s');
});

test('with chat turned off for the circle there is nothing to type in', () => {
  renderPanel({ status: 'closed', messages: [message({})] });
  expect(screen.getByRole('status')).toHaveTextContent('Chat is turned off for this circle.');
  expect(screen.queryByRole('textbox')).toBeNull();
  expect(screen.getByTestId('chat-text')).toHaveTextContent('hello');
});

test('a muted person reads but cannot type', () => {
  renderPanel({ status: 'muted', mutedUntil: '2026-11-26T12:00:00Z' });
  expect(screen.getByRole('status')).toHaveTextContent('A moderator muted your chat until');
  expect(screen.queryByRole('textbox')).toBeNull();
});

test('reports someone else’s message with a reason', async () => {
  const { onReport } = renderPanel({ messages: [message({ id: 7 })] });
  await userEvent.click(screen.getByRole('button', { name: 'Report' }));
  await userEvent.type(screen.getByRole('textbox', { name: /Why are you reporting busy_bea/ }), 'Unkind');
  await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
  expect(onReport).toHaveBeenCalledWith(7, 'Unkind');
  expect(await screen.findByText(/Reported. Thank you/)).toBeInTheDocument();
});

test('one’s own messages have no report or mute buttons', () => {
  renderPanel({ messages: [message({ username: 'explorer_eve' })] });
  const line = screen.getByTestId('chat-message');
  expect(within(line).queryByRole('button')).toBeNull();
});

test('mutes a member for oneself, and unmutes from the list', async () => {
  const { onMute } = renderPanel({ messages: [message({})], mutedUsernames: ['quiet_quinn'] });
  await userEvent.click(screen.getByRole('button', { name: 'Mute busy_bea' }));
  expect(onMute).toHaveBeenCalledWith('busy_bea', true);
  await userEvent.click(screen.getByRole('button', { name: 'Unmute quiet_quinn' }));
  expect(onMute).toHaveBeenCalledWith('quiet_quinn', false);
});

test('offers earlier messages when there are more', async () => {
  const { onLoadOlder } = renderPanel({ messages: [message({})], hasOlder: true });
  await userEvent.click(screen.getByRole('button', { name: 'Show earlier messages' }));
  expect(onLoadOlder).toHaveBeenCalledTimes(1);
});
