import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How the fake misbehaves. `none` answers normally. */
export type Fault =
  | { kind: 'none' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'garbage' };

/** One call the fake received. */
export interface FaultCall {
  api: string;
  at: number;
}

/** A fault-injecting fake Authlete API on a real socket (127.0.0.1). */
export interface FaultAuthlete {
  url: string;
  calls: FaultCall[];
  /** Calls made to one API (`auth/token`, `service/configuration`, ...). */
  callsTo(api: string): FaultCall[];
  /** Sets the fault of every API, or of one API when `api` is given. */
  fault(fault: Fault, api?: string): void;
  /** Sets the fault of the next `times` calls to `api` only, then answers normally again. */
  faultNext(api: string, fault: Fault, times: number): void;
  /** Sets the normal answer of an API. */
  answer(api: string, body: unknown): void;
  /** Stops listening and drops every connection: calls get ECONNREFUSED. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_ANSWERS: Record<string, unknown> = {
  'service/configuration': {
    issuer: 'http://localhost:8080',
    token_endpoint: 'http://localhost:8080/api/token',
  },
  'service/jwks/get': { keys: [] },
  'auth/token': { action: 'OK', responseContent: '{"access_token":"fake-at"}' },
  'auth/token/issue': { action: 'OK', responseContent: '{"access_token":"fake-at"}' },
  'auth/introspection/standard': { action: 'OK', responseContent: '{"active":false}' },
  'auth/introspection': { action: 'OK', responseContent: '' },
  'auth/revocation': { action: 'OK', responseContent: '' },
  pushed_auth_req: {
    action: 'CREATED',
    responseContent: '{"request_uri":"urn:x","expires_in":60}',
  },
  'auth/userinfo': { action: 'BAD_REQUEST', responseContent: 'Bearer error="invalid_token"' },
};

function apiOf(url: string): string {
  const path = url.split('?', 1)[0] ?? '';
  return /^\/api\/(?:\d+\/)?(.+)$/.exec(path)?.[1] ?? path;
}

/** Starts the fake; every API answers {@link DEFAULT_ANSWERS} until a fault is set. */
export async function startFaultAuthlete(): Promise<FaultAuthlete> {
  const calls: FaultCall[] = [];
  const answers = new Map(Object.entries(DEFAULT_ANSWERS));
  const faults = new Map<string, Fault>();
  const oneShots = new Map<string, { fault: Fault; left: number }>();
  let globalFault: Fault = { kind: 'none' };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const faultFor = (api: string): Fault => {
    const shot = oneShots.get(api);
    if (shot && shot.left > 0) {
      shot.left -= 1;
      return shot.fault;
    }
    return faults.get(api) ?? globalFault;
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    request.resume();
    const api = apiOf(request.url ?? '');
    calls.push({ api, at: Date.now() });
    const fault = faultFor(api);
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body);
    };
    switch (fault.kind) {
      case 'none':
        send(200, JSON.stringify(answers.get(api) ?? { action: 'OK' }));
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(200, JSON.stringify(answers.get(api) ?? { action: 'OK' }));
        }, fault.delayMs);
        timers.add(timer);
        return;
      }
      case 'status':
        send(
          fault.status,
          JSON.stringify({ resultCode: 'A001101', resultMessage: 'injected' }),
          fault.headers,
        );
        return;
      case 'garbage':
        send(200, '{"action":"OK", <<< not json');
        return;
    }
  };

  let server: Server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
    callsTo: (api) => calls.filter((call) => call.api === api),
    fault: (fault, api) => {
      if (api === undefined) {
        globalFault = fault;
        faults.clear();
      } else faults.set(api, fault);
    },
    faultNext: (api, fault, times) => void oneShots.set(api, { fault, left: times }),
    answer: (api, body) => void answers.set(api, body),
    down: stop,
    up: async () => {
      const next = createServer(handle);
      next.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
      server = next;
    },
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
