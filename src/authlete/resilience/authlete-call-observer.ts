import type { BreakerState } from './circuit-breaker';
import type { BreakerSnapshot } from './circuit-breakers';

/** Reads the current state of every breaker used so far (cheap; call it at scrape time). */
export type BreakerStates = () => BreakerSnapshot[];

/** One Authlete call being observed; `end` is called exactly once. */
export interface AuthleteCallObservation {
  /** `result` is the action (`OK`, `INTERACTION`, ...) or the failure kind (`timeout`, `http_503`). */
  end(result: string, error?: unknown): void;
}

/**
 * Port through which the resilience layer reports Authlete calls (durations, retries, breaker
 * changes) without depending on a metrics or tracing library. The operations module provides the
 * Prometheus/OpenTelemetry implementation; without it nothing is recorded.
 */
export abstract class AuthleteCallObserver {
  /** A call (one attempt) to `api` starts. */
  abstract start(api: string): AuthleteCallObservation;
  /** A failed attempt of `api` will be retried. */
  abstract retried(api: string, reason: string): void;
  /** The breaker of `api` changed state. */
  abstract breakerChanged(api: string, state: BreakerState): void;
  /**
   * The resilience layer hands over a reader of its breaker states, once, when it is created; an
   * open breaker turns half-open by the clock alone, so the state is read rather than pushed.
   */
  abstract watchBreakers(states: BreakerStates): void;
}

const ignore: AuthleteCallObservation = { end: () => undefined };

/** The observer used when no operations module is present: records nothing. */
export class SilentAuthleteCallObserver extends AuthleteCallObserver {
  start(): AuthleteCallObservation {
    return ignore;
  }
  retried(): void {}
  breakerChanged(): void {}
  watchBreakers(): void {}
}
