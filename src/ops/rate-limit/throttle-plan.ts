import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerOptions, ThrottlerRequest } from '@nestjs/throttler';

/** One throttler's part of a request's check, without the request: what `handleRequest` takes. */
export type PlannedThrottle = Omit<ThrottlerRequest, 'context'>;

/** The module-wide defaults a throttler falls back on (`ThrottlerGuard.commonOptions`). */
export type ThrottlerDefaults = Pick<ThrottlerOptions, 'skipIf' | 'getTracker' | 'generateKey'>;

/**
 * The throttlers that apply to a route, with their limits resolved, worked out once per route
 * instead of on every request (RFC 6585 §4 limits). It holds for this module's throttlers
 * (throttler-options.ts): their `skipIf` reads the route's `@RateLimitClass` only and their
 * limits, windows and block durations are numbers. Undefined when a throttler's settings are
 * functions of the request: the library's per-request resolution must then run.
 */
export function planThrottles(
  context: ExecutionContext,
  throttlers: readonly ThrottlerOptions[],
  defaults: ThrottlerDefaults,
): PlannedThrottle[] | undefined {
  const planned: PlannedThrottle[] = [];
  for (const throttler of throttlers) {
    if ((throttler.skipIf ?? defaults.skipIf)?.(context) === true) continue;
    const { limit, ttl } = throttler;
    const blockDuration = throttler.blockDuration ?? ttl;
    const getTracker = throttler.getTracker ?? defaults.getTracker;
    const generateKey = throttler.generateKey ?? defaults.generateKey;
    if (typeof limit !== 'number' || typeof ttl !== 'number' || typeof blockDuration !== 'number') {
      return undefined;
    }
    if (getTracker === undefined || generateKey === undefined) return undefined;
    planned.push({ throttler, limit, ttl, blockDuration, getTracker, generateKey });
  }
  return planned;
}
