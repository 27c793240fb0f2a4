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
}

function asApiError(api: string, error: unknown): AuthleteApiError {
  return error instanceof AuthleteApiError ? error : new AuthleteApiError(api, 'unreachable', 0);
}

/**
 * Runs Authlete calls through a per-API circuit breaker and, for safe APIs only, retries with
 * backoff and jitter (design.md §5; issue 6). While a breaker is open the call fails at once with
 * an {@link AuthleteApiError} of kind `circuit-open` carrying the seconds until the next trial.
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
   * Performs `attempt` under the breaker of `api`; `resultOf` names a successful outcome for the
   * metrics (the Authlete action).
   */
  async execute<T>(
    api: string,
    attempt: () => Promise<T>,
    resultOf: (value: T) => string,
    options: ExecuteOptions = {},
  ): Promise<T> {
    const breaker = this.breakers.for(api);
    const retryable = options.retry !== false && isRetryableApi(api);
    for (let n = 1; ; n += 1) {
      if (!breaker.tryAcquire()) {
        const seconds = Math.max(1, Math.ceil(breaker.remainingOpenMs() / 1000));
        const refused = new AuthleteApiError(api, 'circuit-open', 0, undefined, undefined, seconds);
        this.observer.start(api).end('circuit-open', refused);
        throw refused;
      }
      const observation = this.observer.start(api);
      try {
        const value = await attempt();
        breaker.onSuccess();
        observation.end(resultOf(value));
        return value;
      } catch (error) {
        const failure = asApiError(api, error);
        observation.end(failureLabel(failure), failure);
        if (isOutage(failure)) breaker.onFailure();
        else breaker.onSuccess();
        const delay =
          retryable && isRetryableFailure(failure)
            ? retryDelayMs(n, failure, this.options.retry)
            : undefined;
        if (delay === undefined) throw failure;
        this.observer.retried(api, failureLabel(failure));
        await sleep(delay);
      }
    }
  }
}
