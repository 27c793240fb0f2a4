import type { EngineDispatcher } from '../contract';
import {
  type AuthleteExchange,
  type AuthleteExchangeRequest,
  AuthleteExchangeError,
} from './authlete/exchange/authlete-exchange';
import { settleWithin } from './authlete/exchange/deadline-sweep';
import { sealJsonValue } from './authlete/exchange/json-value-seal';

export type { EngineDispatcher };

/** Options of {@link engineExchange}. */
export interface EngineExchangeOptions {
  /**
   * Checks that every body and answer handed over is plain JSON data, and freezes it, so that a
   * test fails where the hand-over would differ from HTTP ({@link sealJsonValue}). For tests.
   */
  sealValues?: boolean;
}

/** True when `body` is over `maxBytes` in UTF-8 (counted only when its length could be). */
function overSize(body: string, maxBytes: number): boolean {
  return body.length * 3 > maxBytes && Buffer.byteLength(body) > maxBytes;
}

/**
 * An {@link AuthleteExchange} that hands each Authlete API request to the embedded engine in
 * process (design.md §7): the same routes, service authentication, handlers and answers as over
 * loopback HTTP, minus two HTTP stacks, a socket and the JSON text in both directions — the body
 * and the JSON answer are handed over as values. The per-call deadline still applies, and an
 * engine fault is reported like an unreachable Authlete. A text answer (a raw document, an error)
 * above `maxBytes` is refused as over HTTP.
 */
export function engineExchange(
  engine: EngineDispatcher,
  options: EngineExchangeOptions = {},
): AuthleteExchange {
  const seal = options.sealValues === true;
  return async (request: AuthleteExchangeRequest) => {
    if (seal && request.json !== undefined) sealJsonValue(request.json, `${request.path} body`);
    const answer = engine
      .dispatch({
        method: request.method,
        url: request.path,
        headers: request.headers,
        members: request.json,
      })
      .catch((error: unknown) => {
        throw new AuthleteExchangeError('unreachable', (error as Error).name);
      });
    const response = await settleWithin(answer, request.timeoutMs);
    if (response.value !== undefined) {
      if (seal) sealJsonValue(response.value, `${request.path} answer`);
      return { status: response.status, headers: response.headers, body: '', json: response.value };
    }
    if (overSize(response.body, request.maxBytes)) {
      throw new AuthleteExchangeError('too-large', 'ERR_CONTENT_LENGTH');
    }
    return { status: response.status, headers: response.headers, body: response.body };
  };
}
