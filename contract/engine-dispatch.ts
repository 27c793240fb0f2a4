import type { AuthleteHttpMethod } from './api-entry';

/**
 * One Authlete API request handed to an in-process engine: the same method, path and headers as
 * over HTTP (authlete-api.md §1), without a socket. The JSON body comes as text (`body`), as it
 * would over HTTP, or already as a value (`members`).
 */
export interface EngineRequest {
  method: AuthleteHttpMethod;
  /** Path and query, e.g. `/api/123/auth/token`. */
  url: string;
  headers: Record<string, string>;
  /** The JSON body as text. */
  body?: string;
  /**
   * The JSON body as a value instead of text: plain JSON data only (objects, arrays, strings,
   * finite numbers, booleans, null), where a member whose value is `undefined` counts as absent,
   * as it would once serialised. The engine may keep parts of it, so the caller must not change
   * it afterwards. A JSON answer to such a request comes back as `value`, not as text.
   */
  members?: object;
}

/** The engine's answer to an {@link EngineRequest}: status, lower-cased headers and body. */
export interface EngineResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text; empty when the answer comes as `value`. */
  body: string;
  /**
   * The 200 JSON answer as a value, for a request that carried `members`: plain JSON data, which
   * may share parts with the engine's records, so the caller reads it and never changes it.
   */
  value?: object;
}

/**
 * What the service needs of an in-process engine (the embedded engine's fast path): answer one
 * request through the same routes, service authentication and handlers as over HTTP.
 */
export interface EngineDispatcher {
  dispatch(request: EngineRequest): Promise<EngineResponse>;
}
