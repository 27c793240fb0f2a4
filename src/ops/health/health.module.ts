import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { opsConfig } from '../../config/ops.config';
import { AuthleteHealthIndicator } from './authlete.health';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';

/** `/health/live` and `/health/ready` (terminus). {@link ReadinessState} comes from OpsModule. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ConfigModule.forFeature(opsConfig)],
  controllers: [HealthController],
  providers: [AuthleteHealthIndicator, RedisHealthIndicator],
})
export class HealthModule {}
