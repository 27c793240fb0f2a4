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
    /** Accepted requests (answered below 400) per window per client on the limited endpoints. */
    perClient: readInt('THROTTLE_LIMIT_PER_CLIENT', 1200),
    /** Login and consent form posts per window per client IP. */
    loginPerIp: readInt('THROTTLE_LOGIN_LIMIT_PER_IP', 60),
    /** Dynamic client registrations (RFC 7591) per window per client IP. */
    registerPerIp: readInt('THROTTLE_REGISTER_LIMIT_PER_IP', 20),
    /** Refused requests (4xx) per window per claimed client id and client IP. */
    clientFailuresPerIp: readInt('THROTTLE_CLIENT_FAILURES_PER_IP', 30),
  },
  retry: {
    /** Attempts in total for a safe (idempotent) Authlete call; 1 disables retries. */
    maxAttempts: readInt('AUTHLETE_RETRY_MAX_ATTEMPTS', 3),
    baseDelayMs: readInt('AUTHLETE_RETRY_BASE_DELAY_MS', 100),
    /** Longest single wait; a longer Retry-After is not waited for. */
    maxDelayMs: readInt('AUTHLETE_RETRY_MAX_DELAY_MS', 2000),
  },
  /**
   * The longest one Authlete call may take as the client sees it — every attempt, backoff and
   * honoured Retry-After included — so retries never outlast the client's own deadline.
   */
  deadlineMs: readInt('AUTHLETE_DEADLINE_MS', readInt('AUTHLETE_TIMEOUT_MS', 10000)),
  /** Per-API circuit breakers, after resilience4j's sliding-window failure-rate model. */
  breaker: {
    /** Failure rate (percent) over the window at or above which the breaker opens. */
    failureRatePercent: readInt('BREAKER_FAILURE_RATE', 50),
    /** Calls the window must hold before the rate is judged. */
    minimumCalls: readInt('BREAKER_MIN_CALLS', 10),
    /** Length of the sliding time window. */
    windowMs: readInt('BREAKER_WINDOW_MS', 10000),
    /** How long an open breaker answers at once before trial calls are let through. */
    openMs: readInt('BREAKER_OPEN_MS', 2000),
    /** Trial calls while half-open; their failure rate closes or re-opens the breaker. */
    halfOpenCalls: readInt('BREAKER_HALF_OPEN_CALLS', 3),
  },
  health: {
    /** How long a readiness result is fresh; an older one is refreshed in the background. */
    cacheMs: readInt('HEALTH_AUTHLETE_CACHE_MS', 2000),
    /** Longest one readiness probe of a dependency may take before it counts as down. */
    probeTimeoutMs: readInt('HEALTH_PROBE_TIMEOUT_MS', 2000),
  },
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
