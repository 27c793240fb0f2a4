/**
 * A canned fake Authlete API for workloads (b), (c) and the latency-bound run: every
 * `POST …/auth/token` answers at once (or after the configured delay) with one fixed `OK` token
 * response shaped like Authlete's (authlete-api.md §6.1). `POST /__bench/delay?ms=N` changes the
 * delay at run time; `GET /__bench/stats` counts connections and requests. It is the one fake
 * Authlete of the tests (test/support/fake-authlete.ts, plain node:http, so it costs little CPU),
 * with call recording off.
 */
import { startFakeAuthlete } from '../../test/support/fake-authlete';
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

let delayMs = Number(process.env.FAKE_DELAY_MS ?? 0);
let requests = 0;

startFakeAuthlete({
  port: portFromEnv(),
  // Millions of calls in a run: count them, do not keep them.
  record: false,
  fallback: () => {
    requests += 1;
    return { status: 404, body: { resultCode: 'A001201', resultMessage: 'not found' } };
  },
  answers: {
    'auth/token': () => {
      requests += 1;
      return { body: TOKEN_RESPONSE, delayMs };
    },
    '/__bench/delay': (call) => {
      requests += 1;
      delayMs = Number(call.query.ms ?? 0);
      return { body: { delayMs } };
    },
  },
})
  .then((fake) => {
    fake.on('/__bench/stats', () => ({
      body: { connections: fake.connections, requests, delayMs },
    }));
    stopWhenAsked(() => fake.close());
    announceReady(fake.url);
  })
  .catch(failStart);
