import type { AuthleteApiVersion } from '../config/authlete.config';
import type { AuthleteExchange } from './exchange/authlete-exchange';

/**
 * Where and how to reach the Authlete API (authlete-api.md §1.1–1.2). Provided by the composition
 * root: from `AUTHLETE_*` variables, or from the embedded engine it started.
 */
export abstract class AuthleteConnection {
  abstract readonly baseUrl: string;
  abstract readonly apiVersion: AuthleteApiVersion;
  /** The service API key; the `{serviceId}` path segment in V3. */
  abstract readonly serviceId: string;
  /** V3 service access token (Bearer). */
  abstract readonly accessToken?: string;
  /** V2 service API secret (Basic apikey:secret). */
  abstract readonly apiSecret?: string;
  abstract readonly timeoutMs: number;
  abstract readonly maxSockets: number;
  /** An in-process exchange (the embedded engine); when absent, HTTP to `baseUrl`. */
  abstract readonly exchange?: AuthleteExchange;
}

/** Builds the request path of an API: `/api/{serviceId}/{api}` (V3) or `/api/{api}` (V2). */
export function apiPath(connection: AuthleteConnection, api: string): string {
  return connection.apiVersion === 'V3' ? `/api/${connection.serviceId}/${api}` : `/api/${api}`;
}

/** Builds the `Authorization` header value: Bearer (V3) or Basic apikey:secret (V2). */
export function authorizationHeader(connection: AuthleteConnection): string {
  if (connection.apiVersion === 'V3') return `Bearer ${connection.accessToken ?? ''}`;
  const pair = `${connection.serviceId}:${connection.apiSecret ?? ''}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}
