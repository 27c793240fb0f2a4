import type { EngineDispatcher } from '../contract';
import {
  type AuthleteExchange,
  type AuthleteExchangeRequest,
  type AuthleteExchangeResponse,
  AuthleteExchangeError,
} from './authlete/exchange/authlete-exchange';
import { settleWithin } from './authlete/exchange/deadline-sweep';

export type { EngineDispatcher };

/** True when `body` is over `maxBytes` in UTF-8 (counted only when its length could be). */
function overSize(body: string, maxBytes: number): boolean {
  return body.length * 3 > maxBytes && Buffer.byteLength(body) > maxBytes;
}

/**
 * An {@link AuthleteExchange} that hands each Authlete API request to the embedded engine in
 * process (design.md §7): the same request bytes, routes and answers as over loopback HTTP, minus
 * two HTTP stacks and a socket per call. The per-call deadline still applies, and an engine fault
 * is reported like an unreachable Authlete. Answers above `maxBytes` are refused as over HTTP.
 */
export function engineExchange(engine: EngineDispatcher): AuthleteExchange {
  return async (request: AuthleteExchangeRequest) => {
    const answer = engine
      .dispatch({
        method: request.method,
        url: request.path,
        headers: request.headers,
        body: request.body,
      })
      .catch((error: unknown) => {
        throw new AuthleteExchangeError('unreachable', (error as Error).name);
      });
    const response: AuthleteExchangeResponse = await settleWithin(answer, request.timeoutMs);
    if (overSize(response.body, request.maxBytes)) {
      throw new AuthleteExchangeError('too-large', 'ERR_CONTENT_LENGTH');
    }
    return response;
  };
}
