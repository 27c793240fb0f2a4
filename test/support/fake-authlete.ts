import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** One request the fake received. */
export interface RecordedCall {
  /** The API: the path after `/api/` and the service id, e.g. `auth/token`. */
  api: string;
  method: string;
  /** Path without the query string, e.g. `/api/1234/auth/token`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** The body parsed as JSON, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  rawBody: string;
  /** When it arrived (ms since the epoch). */
  at: number;
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

/** A fixed reply, or one computed from the call. */
export type FakeAnswer = FakeReply | ((call: RecordedCall) => FakeReply);

/** How the fake misbehaves, over whatever answer is configured. `none` answers normally. */
export type Fault =
  | { kind: 'none' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'garbage' };

/** Options of {@link startFakeAuthlete}. */
export interface FakeAuthleteOptions {
  /** Answers per API from the start. */
  answers?: Record<string, FakeAnswer>;
  /** The answer of an API without one; default 404 `{resultCode:"404"}`. */
  fallback?: FakeAnswer;
  /** Keep every call in `calls` (default true; a load generator turns it off). */
  record?: boolean;
  /** Port to listen on (default ephemeral). */
  port?: number;
}

/** A scriptable fake Authlete API on a real socket (127.0.0.1): the one fake of test/ and bench/. */
export interface FakeAuthlete {
  url: string;
  calls: RecordedCall[];
  /** Connections accepted so far. */
  readonly connections: number;
  /** Sets the answer of an API (path after the service id, e.g. `auth/token`). */
  on(api: string, answer: FakeAnswer): void;
  /** Sets the JSON body an API answers with 200. */
  answer(api: string, body: unknown): void;
  /** Calls made to one API. */
  callsTo(api: string): RecordedCall[];
  /** Sets the fault of every API (clearing per-API ones), or of one API when `api` is given. */
  fault(fault: Fault, api?: string): void;
  /** Sets the fault of the next `times` calls to `api` only, then answers normally again. */
  faultNext(api: string, fault: Fault, times: number): void;
  /** Forgets answers, faults and calls. */
  reset(): void;
  /** Stops listening and drops every connection: calls get ECONNREFUSED. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

const NOT_FOUND: FakeReply = { status: 404, body: { resultCode: '404', resultMessage: '' } };
const INJECTED = { resultCode: 'A001101', resultMessage: 'injected' };

/** The API of a path: `/api/{serviceId}/auth/token` (V3) or `/api/auth/token` (V2) → `auth/token`. */
export function apiOf(path: string): string {
  return /^\/api\/(?:\d+\/)?(.+)$/.exec(path)?.[1] ?? path;
}

function parsed(rawBody: string): unknown {
  if (rawBody === '') return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}

function faulted(reply: FakeReply, fault: Fault): FakeReply {
  switch (fault.kind) {
    case 'none':
      return reply;
    case 'slow':
      return { ...reply, delayMs: fault.delayMs };
    case 'status':
      return { status: fault.status, headers: fault.headers, body: INJECTED };
    case 'garbage':
      return { body: '{"action":"OK", <<< not json' };
  }
}

/** Starts the fake on 127.0.0.1. */
export async function startFakeAuthlete(options: FakeAuthleteOptions = {}): Promise<FakeAuthlete> {
  const answers = new Map(Object.entries(options.answers ?? {}));
  const faults = new Map<string, Fault>();
  const oneShots = new Map<string, { fault: Fault; left: number }>();
  let globalFault: Fault = { kind: 'none' };
  const calls: RecordedCall[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;

  const faultFor = (api: string): Fault => {
    const shot = oneShots.get(api);
    if (shot && shot.left > 0) {
      shot.left -= 1;
      return shot.fault;
    }
    return faults.get(api) ?? globalFault;
  };

  const send = (request: IncomingMessage, response: ServerResponse, reply: FakeReply): void => {
    if (response.destroyed) return;
    if (reply.hangUp) {
      request.socket.destroy();
      return;
    }
    const body =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body);
    const type = body === '' ? {} : { 'content-type': 'application/json;charset=UTF-8' };
    response.writeHead(reply.status ?? 200, { ...type, ...reply.headers });
    response.end(body);
  };

  const respond = (request: IncomingMessage, response: ServerResponse, rawBody: string): void => {
    const [path = '', search = ''] = (request.url ?? '').split('?', 2);
    const api = apiOf(path);
    const call: RecordedCall = {
      api,
      method: request.method ?? 'GET',
      path,
      query: Object.fromEntries(new URLSearchParams(search)),
      headers: request.headers,
      body: parsed(rawBody),
      rawBody,
      at: Date.now(),
    };
    if (options.record !== false) calls.push(call);
    const answer = answers.get(api) ?? options.fallback ?? NOT_FOUND;
    const reply = faulted(typeof answer === 'function' ? answer(call) : answer, faultFor(api));
    if (!reply.delayMs) return send(request, response, reply);
    const timer = setTimeout(() => {
      timers.delete(timer);
      send(request, response, reply);
    }, reply.delayMs);
    timers.add(timer);
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => respond(request, response, Buffer.concat(chunks).toString('utf8')));
  };

  const listen = async (port: number): Promise<Server> => {
    const server = createServer({ keepAliveTimeout: 60_000 }, handle);
    server.on('connection', (socket) => {
      connections += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return server;
  };

  let server = await listen(options.port ?? 0);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const stop = async (): Promise<void> => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get connections() {
      return connections;
    },
    on: (api, answer) => void answers.set(api, answer),
    answer: (api, body) => void answers.set(api, { body }),
    callsTo: (api) => calls.filter((call) => call.api === api),
    fault: (fault, api) => {
      if (api !== undefined) return void faults.set(api, fault);
      globalFault = fault;
      faults.clear();
    },
    faultNext: (api, fault, times) => void oneShots.set(api, { fault, left: times }),
    reset: () => {
      answers.clear();
      faults.clear();
      oneShots.clear();
      globalFault = { kind: 'none' };
      calls.length = 0;
    },
    down: stop,
    up: async () => {
      server = await listen(port);
    },
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
