import type { AuthleteHttpMethod } from './api-entry';

/**
 * One Authlete API request handed to an in-process engine: the same method, path, headers and
 * JSON text as over HTTP (authlete-api.md §1), without a socket.
 */
export interface EngineRequest {
  method: AuthleteHttpMethod;
  /** Path and query, e.g. `/api/123/auth/token`. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The engine's answer to an {@link EngineRequest}: status, lower-cased headers, body text. */
export interface EngineResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * What the service needs of an in-process engine (the embedded engine's fast path): answer one
 * request through the same routes, service authentication and serialisation as over HTTP.
 */
export interface EngineDispatcher {
  dispatch(request: EngineRequest): Promise<EngineResponse>;
}
