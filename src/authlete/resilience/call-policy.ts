import { AUTHLETE_APIS } from '../../../contract';
import type { AuthleteApiError } from '../authlete-api.error';

/**
 * The paths of the Authlete APIs that may be sent again after a failure: the catalogue entries
 * marked `retryable`, reads with no side effect, so a repeat cannot issue a second code or token
 * (RFC 9110 §9.2.2). Every other API — `/auth/token`, `/auth/authorization/issue`,
 * `/pushed_auth_req`, `/auth/revocation`, ... — is sent at most once.
 */
export const RETRYABLE_APIS: ReadonlySet<string> = new Set(
  Object.values(AUTHLETE_APIS)
    .filter((entry) => entry.retryable)
    .map((entry) => entry.path),
);

/** True when `api` is safe to retry (see {@link RETRYABLE_APIS}). */
export function isRetryableApi(api: string): boolean {
  return RETRYABLE_APIS.has(api);
}

/**
 * True when a failure says Authlete is unavailable or overloaded — a refused connection, a timeout,
 * a 429 or a 5xx (RFC 9110 §15.6), or a body that is not JSON. These count towards the circuit
 * breaker and may be retried; a 4xx such as a bad credential shows Authlete is up and is neither.
 */
export function isOutage(error: AuthleteApiError): boolean {
  switch (error.kind) {
    case 'timeout':
    case 'unreachable':
    case 'invalid-json':
      return true;
    case 'http':
      return error.status === 429 || error.status >= 500;
    case 'circuit-open':
      return false;
  }
}

/** True when a failed attempt of a retryable API is worth another attempt (429, 5xx, network). */
export function isRetryableFailure(error: AuthleteApiError): boolean {
  return isOutage(error) && error.kind !== 'invalid-json';
}

/** Metric label of a failure: its kind, with the status for HTTP failures (`http_503`). */
export function failureLabel(error: AuthleteApiError): string {
  return error.kind === 'http' ? `http_${error.status}` : error.kind;
}
