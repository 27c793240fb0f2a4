import type { AuthleteHttpMethod } from '../../../contract';

/**
 * One exchange with the Authlete API (authlete-api.md §1), over HTTP or in process: the path under the
 * connection's base URL (with its query), the request headers and JSON body (a value: an HTTP
 * exchange serialises it, the in-process engine reads it as it is), the per-call deadline and the
 * largest answer accepted.
 */
export interface AuthleteExchangeRequest {
  method: AuthleteHttpMethod;
  /** Path and query relative to the base URL, e.g. `/api/123/auth/token`. */
  path: string;
  headers: Record<string, string>;
  /** The JSON body, for POST and PUT: plain JSON data the caller no longer changes. */
  json?: object;
  /** The whole exchange's deadline: past it the exchange fails as a `timeout`. */
  timeoutMs: number;
  /** Largest response body accepted, in bytes. */
  maxBytes: number;
}

/** The answer: status, lower-cased headers and the body as text, or as a value. */
export interface AuthleteExchangeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text; empty when the answer came as `json`. */
  body: string;
  /** The JSON answer already as a value (the in-process engine): read it, never change it. */
  json?: object;
}

/** Performs exchanges: over an undici pool, or in process with the embedded engine. */
export type AuthleteExchange = (
  request: AuthleteExchangeRequest,
) => Promise<AuthleteExchangeResponse>;

/** Why an exchange produced no answer. */
export type AuthleteExchangeFailure = 'timeout' | 'unreachable' | 'too-large';

/** Thrown by an {@link AuthleteExchange} that got no usable answer. */
export class AuthleteExchangeError extends Error {
  constructor(
    readonly failure: AuthleteExchangeFailure,
    readonly code: string,
  ) {
    super(`Authlete exchange failed: ${failure} (${code})`);
    this.name = 'AuthleteExchangeError';
  }
}

/** The failure of an exchange whose deadline passed before its answer came. */
export function deadlinePassed(): AuthleteExchangeError {
  return new AuthleteExchangeError('timeout', 'ERR_CANCELED');
}
