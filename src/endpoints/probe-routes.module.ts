import { Module } from '@nestjs/common';
import { HealthEndpointModule } from './health/health.module';
import { MetricsEndpointModule } from './metrics/metrics.module';

/**
 * The operational routes, `/health/live`, `/health/ready` and `/metrics`. Unlike the protocol
 * endpoints of `EndpointsModule` they are never mounted under the route prefix: orchestrator
 * probes and scrapers find them at the same place whatever `ROUTE_PREFIX` says.
 */
@Module({ imports: [HealthEndpointModule, MetricsEndpointModule] })
export class ProbeRoutesModule {}
