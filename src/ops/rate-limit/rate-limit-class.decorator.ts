import { type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * Which counters a rate-limit class uses: `ip-and-client` counts per client IP
 * (`THROTTLE_LIMIT_PER_IP`) and per claimed client id (`THROTTLE_LIMIT_PER_CLIENT`); `login-ip`
 * counts per client IP with the lower `THROTTLE_LOGIN_LIMIT_PER_IP` (login and consent posts);
 * `register-ip` per client IP with `THROTTLE_REGISTER_LIMIT_PER_IP` (RFC 7591 registration).
 */
export type RateLimitCounters = 'ip-and-client' | 'login-ip' | 'register-ip';

/** A route's rate-limit class: its counters and the name that keys them and labels metrics. */
export interface RateLimitClassSpec {
  /** Keeps the class's counters apart from other classes'; the `route` label of the metrics. */
  readonly name: string;
  readonly counters: RateLimitCounters;
}

/** Metadata key of {@link RateLimitClass}. */
export const RATE_LIMIT_CLASS = 'oauth:rate-limit-class';

/**
 * Puts the route (method) or every route of the controller (class) under rate limiting, with
 * counters of its own named `name` (RFC 6585 §4: over the limit answers 429 with `Retry-After`).
 * A route without this decorator is never limited.
 *
 * @example `@RateLimitClass('token')` on the token endpoint;
 *   `@RateLimitClass('login', 'login-ip')` on the login form post.
 */
export const RateLimitClass = (name: string, counters: RateLimitCounters = 'ip-and-client') =>
  SetMetadata<string, RateLimitClassSpec>(RATE_LIMIT_CLASS, { name, counters });

/** The rate-limit class of the route serving `context` (method first, then class), if any. */
export function rateLimitClassOf(
  reflector: Reflector,
  context: ExecutionContext,
): RateLimitClassSpec | undefined {
  return reflector.getAllAndOverride<RateLimitClassSpec | undefined>(RATE_LIMIT_CLASS, [
    context.getHandler(),
    context.getClass(),
  ]);
}
