import {
  AUTHLETE_APIS,
  type AuthleteApiEntry,
  type AuthleteApiName,
  type RequestOf,
} from '../../contract';
import type { AuthleteCall } from './authlete-transport';

function wireValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Builds the transport call of a catalogue entry: `{x}` path segments filled from the request
 * member `x` (URL-encoded, then left out), the rest as the JSON body (POST, PUT) or as string
 * query parameters (GET, DELETE). The call's `api` stays the entry's path, so logs, metrics labels
 * and breakers name the API, never one resource.
 */
export function buildCall(
  entry: Pick<AuthleteApiEntry, 'path' | 'method'>,
  request: object,
): AuthleteCall {
  const rest: Record<string, unknown> = { ...request };
  const resolved = entry.path.replace(/\{(\w+)\}/g, (_whole, key: string) => {
    const value = rest[key];
    delete rest[key];
    return encodeURIComponent(wireValue(value));
  });
  const call: AuthleteCall = { api: entry.path, method: entry.method };
  if (resolved !== entry.path) call.path = resolved;
  if (entry.method === 'POST' || entry.method === 'PUT') {
    call.body = rest;
  } else if (Object.keys(rest).length > 0) {
    call.query = Object.fromEntries(
      Object.entries(rest)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, wireValue(value)]),
    );
  }
  return call;
}

/** The transport call of API `name` of the catalogue with `request` (see {@link buildCall}). */
export function callOf<N extends AuthleteApiName>(name: N, request: RequestOf<N>): AuthleteCall {
  return buildCall(AUTHLETE_APIS[name], request);
}
