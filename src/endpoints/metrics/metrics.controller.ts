import { Controller, Get } from '@nestjs/common';
import { DirectResponse } from '../../http/direct-response';
import { NoAccessLog } from '../../ops/logging/no-access-log.decorator';
import { MetricsRegistry } from '../../ops/metrics/metrics-registry';

/**
 * `GET /metrics`: Prometheus text exposition format 0.0.4. Expose it to the scraper only (at the
 * ingress or network policy); it carries no secrets but describes traffic.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @NoAccessLog()
  async scrape(): Promise<DirectResponse> {
    const { registry } = this.metrics;
    return new DirectResponse(
      200,
      { 'content-type': registry.contentType, 'cache-control': 'no-store' },
      await registry.metrics(),
    );
  }
}
