import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The Prometheus registry of this application instance, with the default process metrics (CPU,
 * memory, event-loop lag, GC). One registry per app, not prom-client's global one, so several
 * instances in one process (tests) do not collide.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
