import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { ReadinessState } from './health/readiness-state';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { OpsRedisModule } from './redis/ops-redis.module';

/** Options of {@link OpsModule.forRoot}. */
export interface OpsModuleOptions {
  /** Where JSON logs go; stdout when omitted (tests capture them). */
  logDestination?: DestinationStream;
}

/**
 * The operations kit (issue 6): structured redacted logs, `/metrics`, `/health/live` and
 * `/health/ready`, rate limiting, and the readiness state graceful shutdown turns red.
 * `installHttpHooks` and `shutdownGracefully` complete it from `bootstrap.ts` and `main.ts`.
 */
@Global()
@Module({})
export class OpsModule {
  static forRoot(options: OpsModuleOptions = {}): DynamicModule {
    return {
      module: OpsModule,
      imports: [
        LoggingModule.forRoot(options.logDestination),
        OpsRedisModule,
        MetricsModule,
        RateLimitModule,
      ],
      providers: [ReadinessState],
      exports: [ReadinessState],
    };
  }
}
