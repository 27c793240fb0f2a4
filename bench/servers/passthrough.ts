/**
 * Server (c): the floor for any forwarding layer. Bare Fastify + an undici keep-alive pool: read
 * the form body, decode Basic credentials, POST `{parameters, clientId, clientSecret}` as JSON to
 * the Authlete `/auth/token` API, and relay `responseContent` with no-store. No framework on top,
 * no validation beyond what a pass-through must do.
 */
import Fastify from 'fastify';
import { Pool } from 'undici';
import { announceReady, failStart, portFromEnv, stopWhenAsked } from './lifecycle';

const authleteUrl = process.env.AUTHLETE_BASE_URL ?? '';
const serviceId = process.env.AUTHLETE_SERVICE_APIKEY ?? '';
const bearer = `Bearer ${process.env.AUTHLETE_SERVICE_ACCESSTOKEN ?? ''}`;
const pool = new Pool(authleteUrl, { connections: 256, pipelining: 1 });

function basic(header: string | undefined): { clientId?: string; clientSecret?: string } {
  if (!header?.startsWith('Basic ')) return {};
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return {};
  const unescape = (value: string): string => decodeURIComponent(value.replace(/\+/g, ' '));
  return {
    clientId: unescape(decoded.slice(0, colon)),
    clientSecret: unescape(decoded.slice(colon + 1)),
  };
}

const app = Fastify({ logger: false });
app.removeContentTypeParser(['application/x-www-form-urlencoded']);
app.addContentTypeParser(
  'application/x-www-form-urlencoded',
  { parseAs: 'string' },
  (_request, body, done) => {
    done(null, body);
  },
);
app.post('/api/token', async (request, reply) => {
  const answer = await pool.request({
    path: `/api/${serviceId}/auth/token`,
    method: 'POST',
    headers: {
      authorization: bearer,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({
      parameters: request.body as string,
      ...basic(request.headers.authorization),
    }),
  });
  const json = (await answer.body.json()) as { action?: string; responseContent?: string };
  const status = json.action === 'OK' ? 200 : json.action === 'INVALID_CLIENT' ? 401 : 400;
  return reply
    .status(status)
    .header('content-type', 'application/json;charset=UTF-8')
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .send(json.responseContent ?? '{}');
});

app
  .listen({ host: '127.0.0.1', port: portFromEnv() })
  .then((url) => announceReady(url))
  .catch(failStart);
stopWhenAsked(async () => {
  await app.close();
  await pool.close();
});
