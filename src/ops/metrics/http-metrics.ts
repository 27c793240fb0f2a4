import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Route label of requests that matched no route (keeps the label set bounded). */
export const UNMATCHED_ROUTE = 'unmatched';

/** `http_request_duration_seconds{method,route,status_code}`: server-side request latency. */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests by route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  }

  /** Records one finished request; `route` is the route template, never the raw URL. */
  observe(method: string, route: string | undefined, status: number, seconds: number): void {
    this.duration.observe(
      { method, route: route ?? UNMATCHED_ROUTE, status_code: String(status) },
      seconds,
    );
  }
}
