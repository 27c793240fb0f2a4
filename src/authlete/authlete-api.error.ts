/** How an Authlete call failed at the API level (authlete-api.md §1.3). */
export type AuthleteFailureKind =
  'timeout' | 'unreachable' | 'http' | 'invalid-json' | 'circuit-open';

/**
 * An Authlete call that did not produce a protocol outcome: a non-2xx status, a timeout, a refused
 * connection or a body that is not JSON (authlete-api.md §1.3, design.md §5). It never reaches a
 * client as-is: the exception filter answers 500 `server_error` (503 when Authlete is unreachable).
 */
export class AuthleteApiError extends Error {
  override readonly name = 'AuthleteApiError';

  constructor(
    readonly api: string,
    readonly kind: AuthleteFailureKind,
    readonly status: number,
    readonly resultCode?: string,
    readonly resultMessage?: string,
    /** Seconds to wait, from `Retry-After` or `RateLimit-Reset`, when Authlete sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(
      `Authlete ${api} failed (${kind}${status ? ` ${status}` : ''}${resultCode ? ` ${resultCode}` : ''})`,
    );
  }

  /** True when Authlete could not be reached at all, or is shedding load (429, 503). */
  get unavailable(): boolean {
    return (
      this.kind === 'unreachable' ||
      this.kind === 'timeout' ||
      this.kind === 'circuit-open' ||
      this.status === 503 ||
      this.status === 429
    );
  }

  /**
   * True when the outage has a known end: Authlete answered 429 or 503 with `Retry-After`, or
   * the breaker is open for a known time. The client is told the same (RFC 9110 §10.2.3).
   */
  get retryable(): boolean {
    return this.unavailable && this.retryAfterSeconds !== undefined;
  }
}
