import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One notification the receiver got. */
export interface ReceivedNotification {
  readonly authorization?: string;
  readonly contentType?: string;
  readonly body: Record<string, unknown>;
}

/** How the receiver answers: 204, 500, or never. */
export type ReceiverMode = 'ok' | 'error' | 'hang';

/** A client notification endpoint on 127.0.0.1 (CIBA Core §10.2, §10.3) that records what arrives. */
export class NotificationReceiver {
  readonly received: ReceivedNotification[] = [];
  mode: ReceiverMode = 'ok';
  private readonly hanging: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<NotificationReceiver> {
    const holder: { receiver?: NotificationReceiver } = {};
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => holder.receiver?.handle(request, text, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    holder.receiver = new NotificationReceiver(server, `http://127.0.0.1:${port}/ciba/notify`);
    return holder.receiver;
  }

  private handle(request: IncomingMessage, text: string, response: ServerResponse): void {
    this.received.push({
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body: JSON.parse(text || '{}') as Record<string, unknown>,
    });
    if (this.mode === 'hang') {
      this.hanging.push(response);
      return;
    }
    response.statusCode = this.mode === 'ok' ? 204 : 500;
    response.end();
  }

  /** Waits until `count` notifications arrived (or fails after `ms`). */
  async waitFor(count: number, ms = 5_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.received.length} notifications`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
