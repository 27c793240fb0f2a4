import { registerAs } from '@nestjs/config';
import { readBool, readInt, readString } from './env-readers';

/**
 * Operations settings (design.md §4): rate limits, Authlete retries and circuit breakers,
 * readiness probing, graceful shutdown and optional OpenTelemetry export.
 */
export const opsConfig = registerAs('ops', () => ({
  throttle: {
    enabled: readBool('THROTTLE_ENABLED', true),
    /** Window of every limit, in milliseconds. */
    ttlMs: readInt('THROTTLE_TTL_MS', 60000),
    /** Requests per window per client IP on the limited endpoints. */
    perIp: readInt('THROTTLE_LIMIT_PER_IP', 600),
    /** Requests per window per client id on the limited endpoints. */
    perClient: readInt('THROTTLE_LIMIT_PER_CLIENT', 1200),
    /** Login and consent form posts per window per client IP. */
    loginPerIp: readInt('THROTTLE_LOGIN_LIMIT_PER_IP', 60),
    /** Dynamic client registrations (RFC 7591) per window per client IP. */
    registerPerIp: readInt('THROTTLE_REGISTER_LIMIT_PER_IP', 20),
  },
  retry: {
    /** Attempts in total for a safe (idempotent) Authlete call; 1 disables retries. */
    maxAttempts: readInt('AUTHLETE_RETRY_MAX_ATTEMPTS', 3),
    baseDelayMs: readInt('AUTHLETE_RETRY_BASE_DELAY_MS', 100),
    /** Longest single wait; a longer Retry-After is not waited for. */
    maxDelayMs: readInt('AUTHLETE_RETRY_MAX_DELAY_MS', 2000),
  },
  breaker: {
    /** Consecutive outage failures of one API that open its breaker. */
    failureThreshold: readInt('BREAKER_FAILURE_THRESHOLD', 5),
    /** How long an open breaker answers at once before one trial call is let through. */
    openMs: readInt('BREAKER_OPEN_MS', 30000),
  },
  /** How long a readiness probe result of Authlete is reused. */
  healthCacheMs: readInt('HEALTH_AUTHLETE_CACHE_MS', 2000),
  shutdown: {
    /** Wait after readiness turns red before the listener closes (load-balancer drain). */
    delayMs: readInt('SHUTDOWN_DELAY_MS', 0),
    /** Bound on in-flight requests finishing once the listener closed. */
    timeoutMs: readInt('SHUTDOWN_TIMEOUT_MS', 10000),
  },
  otlpEndpoint: readString('OTEL_EXPORTER_OTLP_ENDPOINT'),
  serviceName: readString('OTEL_SERVICE_NAME') ?? 'nestjs-oauth-server',
}));

/** Resolved type of {@link opsConfig}. */
export type OpsConfig = ReturnType<typeof opsConfig>;
