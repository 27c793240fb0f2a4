import type { AuthleteApiError } from '../authlete-api.error';

/** Retry settings of safe Authlete calls (`AUTHLETE_RETRY_*`). */
export interface RetryOptions {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Base of the exponential backoff, and the spread of the jitter. */
  baseDelayMs: number;
  /** Longest single wait; when the server asks for longer, the call is not retried. */
  maxDelayMs: number;
}

/**
 * How long to wait before the attempt after `attempt` (1-based), or undefined when the call should
 * not be retried. An explicit `Retry-After` / `RateLimit-Reset` (RFC 9110 §10.2.3) is honoured, plus
 * a little jitter; otherwise exponential backoff with "equal jitter", so many instances recovering
 * from the same outage do not retry in lockstep.
 */
export function retryDelayMs(
  attempt: number,
  error: AuthleteApiError,
  options: RetryOptions,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= options.maxAttempts) return undefined;
  if (error.retryAfterSeconds !== undefined) {
    const wait = error.retryAfterSeconds * 1000 + random() * options.baseDelayMs;
    return wait <= options.maxDelayMs ? wait : undefined;
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
