import { Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import {
  AuthleteCallObserver,
  type AuthleteCallObservation,
  type BreakerStates,
} from '../../authlete/resilience/authlete-call-observer';
import type { BreakerState } from '../../authlete/resilience/circuit-breaker';
import { AuthleteTracing } from '../tracing/authlete-tracing';
import { MetricsRegistry } from './metrics-registry';

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * Prometheus (and optional OpenTelemetry) view of Authlete calls:
 * `authlete_call_duration_seconds{api,result}` where `result` is the action or the failure kind,
 * `authlete_call_retries_total{api,reason}` and `authlete_circuit_breaker_state{api}`
 * (0 closed, 1 half-open, 2 open), read at scrape time from the reader the resilience layer hands
 * over through the observer port ({@link AuthleteCallObserver.watchBreakers}).
 */
@Injectable()
export class AuthleteMetrics extends AuthleteCallObserver {
  private readonly logger = new Logger('AuthleteMetrics');
  private readonly duration: Histogram<'api' | 'result'>;
  private readonly retries: Counter<'api' | 'reason'>;
  private readonly series = new Map<string, { observe(seconds: number): void }>();
  private breakerStates: BreakerStates = () => [];

  constructor(
    metrics: MetricsRegistry,
    private readonly tracing: AuthleteTracing,
  ) {
    super();
    const register = [metrics.registry];
    this.duration = new Histogram({
      name: 'authlete_call_duration_seconds',
      help: 'Duration of Authlete API calls by API and result (action or failure kind)',
      labelNames: ['api', 'result'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: register,
    });
    this.retries = new Counter({
      name: 'authlete_call_retries_total',
      help: 'Retried Authlete API calls by API and reason',
      labelNames: ['api', 'reason'],
      registers: register,
    });
    const states = (): ReturnType<BreakerStates> => this.breakerStates();
    new Gauge({
      name: 'authlete_circuit_breaker_state',
      help: 'Circuit breaker state per Authlete API: 0 closed, 1 half-open, 2 open',
      labelNames: ['api'],
      registers: register,
      collect() {
        this.reset();
        for (const { api, state } of states()) {
          this.set({ api }, STATE_VALUE[state]);
        }
      },
    });
  }

  start(api: string): AuthleteCallObservation {
    const started = performance.now();
    const span = this.tracing.start(api);
    return {
      end: (result: string, error?: unknown) => {
        this.seriesOf(api, result).observe((performance.now() - started) / 1000);
        this.tracing.end(span, result, error !== undefined);
      },
    };
  }

  /**
   * The histogram series of (api, result), resolved once: both come from closed sets (the API
   * catalogue; the actions and failure kinds), and prom-client hashes the labels on every observe.
   */
  private seriesOf(api: string, result: string): { observe(seconds: number): void } {
    const key = `${api} ${result}`;
    let series = this.series.get(key);
    if (series === undefined) {
      series = this.duration.labels({ api, result });
      this.series.set(key, series);
    }
    return series;
  }

  retried(api: string, reason: string): void {
    this.retries.inc({ api, reason });
  }

  breakerChanged(api: string, state: BreakerState): void {
    this.logger.debug(`breaker ${api} → ${state}`);
  }

  watchBreakers(states: BreakerStates): void {
    this.breakerStates = states;
  }
}
