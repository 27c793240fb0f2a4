import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** The scrape route `/metrics`; the registry comes from the ops kit's global MetricsModule. */
@Module({ controllers: [MetricsController] })
export class MetricsEndpointModule {}
