import { createServer, type IncomingMessage, type Server } from 'node:http';

/** A relying party's back-channel logout endpoint on 127.0.0.1, recording what it receives. */
export interface LogoutReceiver {
  readonly url: string;
  readonly received: { contentType?: string; logoutToken: string | null }[];
  /** Makes the receiver never answer (a hung relying party). */
  hang(value: boolean): void;
  close(): Promise<void>;
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });
}

/** Starts a receiver answering 200, or hanging when told to. */
export async function startLogoutReceiver(): Promise<LogoutReceiver> {
  let hanging = false;
  const received: LogoutReceiver['received'] = [];
  const server: Server = createServer((request, response) => {
    void bodyOf(request).then((text) => {
      received.push({
        contentType: request.headers['content-type'],
        logoutToken: new URLSearchParams(text).get('logout_token'),
      });
      if (hanging) return;
      response.writeHead(200, { 'cache-control': 'no-store' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/backchannel-logout`,
    received,
    hang: (value) => {
      hanging = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
