import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { opsConfig } from '../../config/ops.config';
import { AuthleteHealthIndicator } from './authlete.health';
import { RedisHealthIndicator } from './redis.health';

/**
 * The readiness checks behind `/health/live` and `/health/ready` (terminus), exported for the
 * probe routes in src/endpoints/health. {@link ReadinessState} comes from OpsModule.
 */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ConfigModule.forFeature(opsConfig)],
  providers: [AuthleteHealthIndicator, RedisHealthIndicator],
  exports: [TerminusModule, AuthleteHealthIndicator, RedisHealthIndicator],
})
export class HealthChecksModule {}
