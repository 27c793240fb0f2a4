import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { opsConfig } from '../../config/ops.config';
import { StoreMetrics } from '../metrics/store-metrics';
import { OpsRedis } from '../redis/ops-redis';
import { OAuthThrottlerGuard } from './oauth-throttler.guard';
import { throttlerOptions } from './throttler-options';

/**
 * Rate limiting (@nestjs/throttler) as a global guard over the routes that declare a
 * `@RateLimitClass` only.
 */
@Module({
  imports: [
    ConfigModule.forFeature(opsConfig),
    ThrottlerModule.forRootAsync({
      imports: [ConfigModule.forFeature(opsConfig)],
      inject: [opsConfig.KEY, OpsRedis, StoreMetrics],
      useFactory: throttlerOptions,
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: OAuthThrottlerGuard }],
})
export class RateLimitModule {}
