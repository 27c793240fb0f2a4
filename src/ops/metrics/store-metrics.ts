import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/**
 * `store_errors_total{store,operation}`: failed operations of the backing stores (Redis session,
 * consent and rate-limit stores). Labels are fixed names such as `session`/`get`, never keys.
 */
@Injectable()
export class StoreMetrics {
  private readonly errors: Counter<'store' | 'operation'>;

  constructor(metrics: MetricsRegistry) {
    this.errors = new Counter({
      name: 'store_errors_total',
      help: 'Failed store operations by store and operation',
      labelNames: ['store', 'operation'],
      registers: [metrics.registry],
    });
  }

  /** Counts one failed operation. */
  error(store: string, operation: string): void {
    this.errors.inc({ store, operation });
  }
}
