import type { RetryOptions } from './backoff';
import type { BreakerOptions } from './circuit-breaker';

/** Settings of the resilience layer, from the `ops` configuration namespace. */
export interface ResilienceOptions {
  retry: RetryOptions;
  breaker: BreakerOptions;
  /**
   * The longest one Authlete call may take as the client sees it, every attempt and wait included
   * (`AUTHLETE_DEADLINE_MS`, by default `AUTHLETE_TIMEOUT_MS`).
   */
  deadlineMs: number;
}

/** Injection token of {@link ResilienceOptions}. */
export const RESILIENCE_OPTIONS = Symbol('RESILIENCE_OPTIONS');
