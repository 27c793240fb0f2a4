import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuthleteCallObserver } from '../../authlete/resilience/authlete-call-observer';
import { LoginEvents, StoreErrorReporter } from '../../common/observability-ports';
import { opsConfig } from '../../config/ops.config';
import { AuthleteTracing } from '../tracing/authlete-tracing';
import { AuthleteMetrics } from './authlete-metrics';
import { HttpMetrics } from './http-metrics';
import { LoginMetrics } from './login-metrics';
import { MetricsRegistry } from './metrics-registry';
import { RateLimitMetrics } from './rate-limit-metrics';
import { StoreMetrics } from './store-metrics';

/**
 * Metrics (prom-client), scraped at `/metrics` (src/endpoints/metrics), and the Authlete call
 * observer. Global, so any module can
 * inject {@link LoginMetrics} and {@link StoreMetrics}.
 */
@Global()
@Module({
  imports: [ConfigModule.forFeature(opsConfig)],
  providers: [
    MetricsRegistry,
    HttpMetrics,
    LoginMetrics,
    StoreMetrics,
    RateLimitMetrics,
    AuthleteTracing,
    AuthleteMetrics,
    { provide: AuthleteCallObserver, useExisting: AuthleteMetrics },
    { provide: LoginEvents, useExisting: LoginMetrics },
    { provide: StoreErrorReporter, useExisting: StoreMetrics },
  ],
  exports: [
    MetricsRegistry,
    HttpMetrics,
    LoginMetrics,
    StoreMetrics,
    RateLimitMetrics,
    AuthleteCallObserver,
    LoginEvents,
    StoreErrorReporter,
  ],
})
export class MetricsModule {}
