import type { EngineDispatcher } from '../contract';
import {
  type AuthleteExchange,
  type AuthleteExchangeRequest,
  AuthleteExchangeError,
} from './authlete/exchange/authlete-exchange';

export type { EngineDispatcher };

function deadlineOf(signal: AbortSignal | undefined): Promise<never> | undefined {
  if (signal === undefined) return undefined;
  return new Promise<never>((_resolve, reject) => {
    const fail = (): void => reject(new AuthleteExchangeError('timeout', 'ERR_CANCELED'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
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
    const deadline = deadlineOf(request.signal);
    const response = await (deadline === undefined ? answer : Promise.race([answer, deadline]));
    if (Buffer.byteLength(response.body) > request.maxBytes) {
      throw new AuthleteExchangeError('too-large', 'ERR_CONTENT_LENGTH');
    }
    return response;
  };
}
