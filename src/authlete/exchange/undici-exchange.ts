import { Agent } from 'undici';
import type Dispatcher from 'undici/types/dispatcher';
import {
  type AuthleteExchangeRequest,
  type AuthleteExchangeResponse,
  AuthleteExchangeError,
} from './authlete-exchange';
import { settleWithin } from './deadline-sweep';

/** Settings of the connection pool to the Authlete API. */
export interface UndiciExchangeOptions {
  /** Base URL of the API, e.g. `https://us.authlete.com`; a path prefix is kept. */
  baseUrl: string;
  /** Most sockets per origin (`AUTHLETE_MAX_SOCKETS`). */
  connections: number;
  /** Longest wait for the headers, and between body chunks (`AUTHLETE_TIMEOUT_MS`). */
  timeoutMs: number;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_ABORTED',
]);

const timedOut = (): Error => new AuthleteExchangeError('timeout', 'ERR_CANCELED');

function failureOf(error: unknown): AuthleteExchangeError {
  if (error instanceof AuthleteExchangeError) return error;
  const code =
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : 'UNKNOWN';
  // undici's RequestAbortedError carries UND_ERR_ABORTED; an aborted signal's reason is an AbortError.
  const aborted = (error as Error | undefined)?.name === 'AbortError';
  return new AuthleteExchangeError(
    aborted || TIMEOUT_CODES.has(code) ? 'timeout' : 'unreachable',
    code,
  );
}

/** Stops reading an answer and closes its connection, without an unhandled 'error' event. */
function discard(answer: Dispatcher.ResponseData): AuthleteExchangeError {
  answer.body.on('error', () => undefined);
  answer.body.destroy();
  return new AuthleteExchangeError('too-large', 'ERR_CONTENT_LENGTH');
}

async function readBody(answer: Dispatcher.ResponseData, maxBytes: number): Promise<string> {
  const declared = Number(answer.headers['content-length']);
  if (declared > maxBytes) throw discard(answer);
  if (Number.isFinite(declared)) return answer.body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of answer.body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw discard(answer);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * Exchanges over an undici keep-alive pool (authlete-api.md §1): a fraction of the CPU of Node's
 * `http` client per call (docs/benchmarks.md), no redirects followed (a JWKS 302 is the answer,
 * §8.7), header and body timeouts, and a body size cap.
 */
export class UndiciExchange {
  private readonly agent: Agent;
  private readonly origin: string;
  private readonly prefix: string;

  constructor(private readonly options: UndiciExchangeOptions) {
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    this.prefix = base.pathname.replace(/\/+$/, '');
    this.agent = new Agent({ connections: options.connections, keepAliveTimeout: 4_000 });
  }

  /**
   * The {@link AuthleteExchange} function over this pool. The whole exchange has a hard deadline
   * (`timeoutMs`: undici's own timeouts only watch the wait for headers and the gaps between body
   * chunks), kept by the shared {@link settleWithin} sweep instead of an `AbortController` and a
   * timer per call; the request itself then ends by undici's header timeout, set to the same
   * bound, or its body timeout.
   */
  readonly exchange = (request: AuthleteExchangeRequest): Promise<AuthleteExchangeResponse> =>
    settleWithin(this.send(request), request.timeoutMs, timedOut);

  private async send(request: AuthleteExchangeRequest): Promise<AuthleteExchangeResponse> {
    const timeoutMs = Math.min(this.options.timeoutMs, request.timeoutMs);
    try {
      const answer = await this.agent.request({
        origin: this.origin,
        path: `${this.prefix}${request.path}`,
        method: request.method,
        headers: request.headers,
        body: request.body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const body = await readBody(answer, request.maxBytes);
      return { status: answer.statusCode, headers: answer.headers, body };
    } catch (error) {
      throw failureOf(error);
    }
  }

  /** Closes the pool's sockets (application shutdown). */
  close(): Promise<void> {
    return this.agent.close();
  }
}
