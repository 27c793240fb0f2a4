import { Module } from '@nestjs/common';
import { HealthChecksModule } from '../../ops/health/health-checks.module';
import { HealthController } from './health.controller';

/** The probe routes `/health/live` and `/health/ready`; the checks come from the ops kit. */
@Module({ imports: [HealthChecksModule], controllers: [HealthController] })
export class HealthEndpointModule {}
