/**
 * A canned fake Authlete API for workloads (b), (c) and the latency-bound run: every
 * `POST …/auth/token` answers at once (or after the configured delay) with one fixed `OK` token
 * response shaped like Authlete's (authlete-api.md §6.1). `POST /__bench/delay?ms=N` changes the
 * delay at run time; `GET /__bench/stats` counts connections and requests. Plain node:http so that the fake costs as little CPU as possible.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { announceReady, failStart, portFromEnv, stopWhenAsked } from './lifecycle';

const now = Date.now();
const TOKEN_RESPONSE = JSON.stringify({
  resultCode: 'A050001',
  resultMessage:
    '[A050001] The token request (grant_type=client_credentials) was processed successfully.',
  action: 'OK',
  responseContent: JSON.stringify({
    access_token: 'Zkt4kQm3bFq7wC0Ne9sRj2Ya8pLx5uVd1TgHoIcEaWs',
    token_type: 'Bearer',
    expires_in: 3600,
    scope: 'read',
  }),
  accessToken: 'Zkt4kQm3bFq7wC0Ne9sRj2Ya8pLx5uVd1TgHoIcEaWs',
  accessTokenDuration: 3600,
  accessTokenExpiresAt: now + 3_600_000,
  clientId: 17201083166163,
  clientIdAlias: 'demo-service',
  clientIdAliasUsed: true,
  grantType: 'CLIENT_CREDENTIALS',
  scopes: ['read'],
  refreshTokenDuration: 0,
  refreshTokenExpiresAt: 0,
});
const NOT_FOUND = JSON.stringify({ resultCode: 'A001201', resultMessage: 'not found' });

let delayMs = Number(process.env.FAKE_DELAY_MS ?? 0);
let connections = 0;
let requests = 0;

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? '';
  request.resume();
  request.once('end', () => {
    if (url.startsWith('/__bench/stats')) {
      send(response, 200, JSON.stringify({ connections, requests, delayMs }));
      return;
    }
    requests += 1;
    if (url.startsWith('/__bench/delay')) {
      delayMs = Number(new URL(url, 'http://fake').searchParams.get('ms') ?? 0);
      send(response, 200, JSON.stringify({ delayMs }));
      return;
    }
    const body = url.endsWith('/auth/token') ? TOKEN_RESPONSE : NOT_FOUND;
    const status = body === TOKEN_RESPONSE ? 200 : 404;
    if (delayMs > 0) setTimeout(() => send(response, status, body), delayMs);
    else send(response, status, body);
  });
}

const server = createServer({ keepAliveTimeout: 60_000 }, handle);
server.listen(portFromEnv(), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  announceReady(`http://127.0.0.1:${port}`);
});
server.on('error', failStart);
server.on('connection', () => {
  connections += 1;
});
stopWhenAsked(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
