import Fastify, { type FastifyInstance } from 'fastify';

/** One request the fake received. */
export interface RecordedCall {
  method: string;
  /** Path without the query string, e.g. `/api/1234/auth/token`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody: string;
}

/** What the fake answers for one API. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as-is (to simulate garbage). */
  body?: unknown;
  /** Delay before answering, to simulate a slow Authlete. */
  delayMs?: number;
  /** Drop the connection without answering (a crashed Authlete or a reset by a middlebox). */
  hangUp?: boolean;
}

/** A programmable fake Authlete API on a real socket (127.0.0.1, ephemeral port). */
export interface FakeAuthlete {
  url: string;
  calls: RecordedCall[];
  /** Sets the reply for an API (path after the service id, e.g. `auth/token`). */
  on(api: string, reply: FakeReply | ((call: RecordedCall) => FakeReply)): void;
  /** Calls made to one API. */
  callsTo(api: string): RecordedCall[];
  reset(): void;
  close(): Promise<void>;
}

function apiOf(path: string): string {
  const match = /^\/api\/(?:\d+\/)?(.+)$/.exec(path);
  return match?.[1] ?? path;
}

/** Starts the fake. Unknown APIs answer 404 `{resultCode:"404"}` like Authlete. */
export async function startFakeAuthlete(): Promise<FakeAuthlete> {
  const server: FastifyInstance = Fastify({ logger: false });
  const replies = new Map<string, FakeReply | ((call: RecordedCall) => FakeReply)>();
  const calls: RecordedCall[] = [];
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  server.all('/*', async (request, reply) => {
    const [path = '', search = ''] = request.url.split('?', 2);
    const rawBody = typeof request.body === 'string' ? request.body : '';
    let body: unknown = rawBody;
    try {
      body = rawBody ? (JSON.parse(rawBody) as unknown) : undefined;
    } catch {
      body = rawBody;
    }
    const call: RecordedCall = {
      method: request.method,
      path,
      query: Object.fromEntries(new URLSearchParams(search)),
      headers: request.headers,
      body,
      rawBody,
    };
    calls.push(call);
    const configured = replies.get(apiOf(path));
    const answer = typeof configured === 'function' ? configured(call) : configured;
    if (answer === undefined) {
      return reply.status(404).send({ resultCode: '404', resultMessage: '' });
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.hangUp) {
      request.raw.socket.destroy();
      return reply.hijack();
    }
    reply.status(answer.status ?? 200).headers(answer.headers ?? {});
    if (typeof answer.body === 'string') return reply.type('application/json').send(answer.body);
    return answer.body === undefined
      ? reply.send()
      : reply.type('application/json').send(JSON.stringify(answer.body));
  });
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    calls,
    on: (api, reply) => void replies.set(api, reply),
    callsTo: (api) => calls.filter((call) => apiOf(call.path) === api),
    reset: () => {
      replies.clear();
      calls.length = 0;
    },
    close: () => server.close(),
  };
}
