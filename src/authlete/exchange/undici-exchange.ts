import { Agent } from 'undici';
import type { AuthleteExchangeRequest, AuthleteExchangeResponse } from './authlete-exchange';
import { AnswerCollector } from './answer-collector';
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
   * chunks), kept by the shared {@link settleWithin} sweep, which closes the connection of a late
   * answer, instead of an `AbortController` and a timer per call.
   */
  readonly exchange = (request: AuthleteExchangeRequest): Promise<AuthleteExchangeResponse> => {
    const timeoutMs = Math.min(this.options.timeoutMs, request.timeoutMs);
    const collector = new AnswerCollector(request.maxBytes);
    this.agent.dispatch(
      {
        origin: this.origin,
        path: `${this.prefix}${request.path}`,
        method: request.method,
        headers: request.headers,
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      },
      collector,
    );
    return settleWithin(collector.answer, request.timeoutMs, () => collector.abort());
  };

  /** Closes the pool's sockets (application shutdown). */
  close(): Promise<void> {
    return this.agent.close();
  }
}
