// A WebSocket stand-in for unit tests: records what is sent and lets a test open, message and
// close it. jsdom's own WebSocket would try to reach a server.
export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readonly url: string;
  sent: string[] = [];
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  send(data: string) {
    this.sent.push(data);
  }

  close() {
    this.closed = true;
  }

  serverOpens() {
    this.onopen?.(new Event('open'));
  }

  serverSends(message: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  serverCloses(code = 1006) {
    this.onclose?.(new CloseEvent('close', { code }));
  }

  static latest(): FakeWebSocket {
    return FakeWebSocket.instances[FakeWebSocket.instances.length - 1];
  }
}
