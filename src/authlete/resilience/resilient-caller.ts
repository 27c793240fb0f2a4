import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuthleteApiError } from '../authlete-api.error';
import { AuthleteCallObserver, SilentAuthleteCallObserver } from './authlete-call-observer';
import { retryDelayMs } from './backoff';
import { failureLabel, isOutage, isRetryableApi, isRetryableFailure } from './call-policy';
import { CircuitBreakers } from './circuit-breakers';
import { RESILIENCE_OPTIONS, type ResilienceOptions } from './resilience-options';

/** Per-call switches of {@link ResilientCaller.execute}. */
export interface ExecuteOptions {
  /** False forbids retries even for a safe API (readiness probes must answer fast). */
  retry?: boolean;
  /** A tighter total deadline than `AUTHLETE_DEADLINE_MS` for this call. */
  deadlineMs?: number;
}

/** An attempt with less time than this left is not worth starting. */
const MIN_ATTEMPT_MS = 100;

function asApiError(api: string, error: unknown): AuthleteApiError {
  return error instanceof AuthleteApiError ? error : new AuthleteApiError(api, 'unreachable', 0);
}

/**
 * Runs Authlete calls through a per-API circuit breaker and, for safe APIs only, retries with
 * backoff and jitter (design.md §5). One call — every attempt, every wait, an honoured
 * `Retry-After` included — never takes longer than its deadline (`AUTHLETE_DEADLINE_MS`): each
 * attempt gets the time that is left, and no retry starts that could not finish in it. While a
 * breaker is open the call fails at once with an {@link AuthleteApiError} of kind `circuit-open`
 * carrying the seconds until the next trial.
 */
@Injectable()
export class ResilientCaller {
  private readonly logger = new Logger('AuthleteResilience');
  private readonly observer: AuthleteCallObserver;
  /** The breakers, one per API. */
  readonly breakers: CircuitBreakers;

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResilienceOptions,
    @Optional() observer?: AuthleteCallObserver,
  ) {
    this.observer = observer ?? new SilentAuthleteCallObserver();
    this.breakers = new CircuitBreakers(options.breaker, (api, state) => {
      const log = state === 'open' ? 'warn' : 'log';
      this.logger[log](`circuit breaker of ${api} is ${state}`);
      this.observer.breakerChanged(api, state);
    });
    this.observer.watchBreakers(() => this.breakers.snapshot());
  }

  /**
   * Performs `attempt` (given the milliseconds it may take) under the breaker of `api`;
   * `resultOf` names a successful outcome for the metrics (the Authlete action).
   */
  async execute<T>(
    api: string,
    attempt: (timeoutMs: number) => Promise<T>,
    resultOf: (value: T) => string,
    options: ExecuteOptions = {},
  ): Promise<T> {
    const breaker = this.breakers.for(api);
    const retryable = options.retry !== false && isRetryableApi(api);
    const deadlineMs = Math.min(options.deadlineMs ?? Infinity, this.options.deadlineMs);
    const deadlineAt = performance.now() + deadlineMs;
    for (let n = 1; ; n += 1) {
      const permit = breaker.acquire();
      if (permit === undefined) {
        const seconds = Math.max(1, Math.ceil(breaker.remainingOpenMs() / 1000));
        const refused = new AuthleteApiError(api, 'circuit-open', 0, undefined, undefined, seconds);
        this.observer.start(api).end('circuit-open', refused);
        throw refused;
      }
      const observation = this.observer.start(api);
      try {
        const value = await attempt(Math.max(1, Math.round(deadlineAt - performance.now())));
        permit.succeeded();
        observation.end(resultOf(value));
        return value;
      } catch (error) {
        const failure = asApiError(api, error);
        observation.end(failureLabel(failure), failure);
        if (isOutage(failure)) permit.failed();
        else permit.succeeded();
        const delay =
          retryable && isRetryableFailure(failure)
            ? retryDelayMs(n, failure, this.options.retry)
            : undefined;
        const left = deadlineAt - performance.now();
        if (delay === undefined || delay + MIN_ATTEMPT_MS > left) throw failure;
        this.observer.retried(api, failureLabel(failure));
        await sleep(delay);
      }
    }
  }
}
