import type { RetryOptions } from './backoff';
import type { BreakerOptions } from './circuit-breaker';

/** Settings of the resilience layer, from the `ops` configuration namespace. */
export interface ResilienceOptions {
  retry: RetryOptions;
  breaker: BreakerOptions;
}

/** Injection token of {@link ResilienceOptions}. */
export const RESILIENCE_OPTIONS = Symbol('RESILIENCE_OPTIONS');
