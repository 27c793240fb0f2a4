import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Route label of requests that matched no route (keeps the label set bounded). */
export const UNMATCHED_ROUTE = 'unmatched';

/** `http_request_duration_seconds{method,route,status_code}`: server-side request latency. */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;
  /** The labelled series by `method route status`: resolved once, not hashed per request. */
  private readonly series = new Map<string, { observe(value: number): void }>();

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
    const template = route ?? UNMATCHED_ROUTE;
    const key = `${method} ${template} ${status}`;
    let series = this.series.get(key);
    if (series === undefined) {
      series = this.duration.labels({ method, route: template, status_code: String(status) });
      this.series.set(key, series);
    }
    series.observe(seconds);
  }
}
