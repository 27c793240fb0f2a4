import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** `rate_limit_rejections_total{route,scope}`: requests answered 429 by the rate limiter. */
@Injectable()
export class RateLimitMetrics {
  private readonly rejections: Counter<'route' | 'scope'>;

  constructor(metrics: MetricsRegistry) {
    this.rejections = new Counter({
      name: 'rate_limit_rejections_total',
      help: 'Requests refused with 429 by endpoint group and limit scope (ip, client, login)',
      labelNames: ['route', 'scope'],
      registers: [metrics.registry],
    });
  }

  /** Counts one refused request. */
  rejected(route: string, scope: string): void {
    this.rejections.inc({ route, scope });
  }
}
