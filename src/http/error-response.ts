import { HttpException, Logger } from '@nestjs/common';
import type { AuthleteApiError } from '../authlete/authlete-api.error';
import { OAuthError, type OAuthErrorCode } from './oauth.errors';

/** An error rendered as RFC 6749 §5.2 JSON. */
export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: { error: string; error_description?: string };
}

const logger = new Logger('OAuthError');

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null) {
    const status = (exception as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
  }
  return undefined;
}

function codeFor(status: number): OAuthErrorCode {
  if (status === 401) return 'invalid_client';
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 503) return 'temporarily_unavailable';
  return status >= 500 ? 'server_error' : 'invalid_request';
}

function describe(status: number, exception: unknown): string | undefined {
  if (status === 413) return 'The request body is too large';
  if (status === 415) return 'Unsupported content type';
  if (status === 404) return 'No such endpoint';
  if (status === 429) return 'Too many requests';
  if (status >= 500) return undefined;
  const code = (exception as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP')) return 'Malformed request body';
  return exception instanceof HttpException ? exception.message : 'Malformed request';
}

/**
 * Whether `exception` is an Authlete API failure. Recognised by its name, so the HTTP layer needs
 * the authlete class as a type only (the dependency rule http → authlete is types-only).
 */
function isAuthleteApiError(exception: unknown): exception is AuthleteApiError {
  const name: AuthleteApiError['name'] = 'AuthleteApiError';
  return exception instanceof Error && exception.name === name;
}

/** How the route that failed answers errors, and the request id for the log. */
export interface ErrorContext {
  /** The route answers 503 when Authlete is unavailable (`@UnavailableAs503()`); else 500. */
  unavailableAs503?: boolean;
  requestId?: string;
}

/**
 * Maps any exception to an OAuth error response (RFC 6749 §5.2). Local protocol errors keep their
 * code; Authlete API failures become 500 `server_error` (503 `temporarily_unavailable` when Authlete
 * is unreachable or its circuit breaker is open, on routes declared `@UnavailableAs503()`; 503 with
 * `Retry-After` on every route when the wait is known) with details only in the log; unknown errors
 * are a logged 500.
 */
export function toErrorResponse(exception: unknown, context: ErrorContext = {}): ErrorResponse {
  const { requestId } = context;
  const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
  if (exception instanceof OAuthError) {
    return {
      status: exception.status,
      headers: { ...noStore, ...exception.headers },
      body: exception.toJSON(),
    };
  }
  if (isAuthleteApiError(exception)) {
    logger.error({
      reqId: requestId,
      msg: `Authlete ${exception.api} failed: ${exception.kind} status=${exception.status} resultCode=${exception.resultCode ?? '-'} ${exception.resultMessage ?? ''}`,
    });
    const allows503 = context.unavailableAs503 === true;
    // A known wait (Authlete's Retry-After, an open breaker) is passed on at every endpoint: the
    // client learns when to come back instead of seeing a bare 500 (RFC 9110 §15.6.4).
    const status = exception.retryable || (exception.unavailable && allows503) ? 503 : 500;
    const headers: Record<string, string> =
      status === 503 && exception.retryAfterSeconds !== undefined
        ? { ...noStore, 'retry-after': String(exception.retryAfterSeconds) }
        : noStore;
    return {
      status,
      headers,
      body: {
        error: exception.unavailable && allows503 ? 'temporarily_unavailable' : 'server_error',
      },
    };
  }
  const status = statusOf(exception) ?? 500;
  const mapped = status === 415 || status === 413 ? 400 : status;
  if (mapped >= 500) {
    logger.error({
      reqId: requestId,
      msg: exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    });
  }
  const error = status === 429 ? 'slow_down' : codeFor(mapped);
  const description = describe(status, exception);
  return {
    status: status === 413 ? 413 : mapped,
    headers: noStore,
    body: description === undefined ? { error } : { error, error_description: description },
  };
}
