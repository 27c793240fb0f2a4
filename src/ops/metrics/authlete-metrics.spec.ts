import type { OpsConfig } from '../../config/ops.config';
import type { BreakerSnapshot } from '../../authlete/resilience/circuit-breakers';
import { AuthleteTracing } from '../tracing/authlete-tracing';
import { AuthleteMetrics } from './authlete-metrics';
import { MetricsRegistry } from './metrics-registry';

describe('AuthleteMetrics: breaker states through the observer port', () => {
  const registry = new MetricsRegistry();
  const metrics = new AuthleteMetrics(registry, new AuthleteTracing({} as OpsConfig));
  const gauge = async (): Promise<string[]> =>
    (await registry.registry.getSingleMetricAsString('authlete_circuit_breaker_state'))
      .split('\n')
      .filter((line) => !line.startsWith('#'));

  it('exports nothing before the resilience layer hands over its reader', async () => {
    expect(await gauge()).toEqual([]);
  });

  it('reads the states at scrape time: 0 closed, 1 half-open, 2 open', async () => {
    let states: BreakerSnapshot[] = [{ api: 'auth/token', state: 'open' }];
    metrics.watchBreakers(() => states);
    expect(await gauge()).toEqual(['authlete_circuit_breaker_state{api="auth/token"} 2']);
    states = [
      { api: 'auth/token', state: 'half-open' },
      { api: 'auth/revocation', state: 'closed' },
    ];
    expect(await gauge()).toEqual([
      'authlete_circuit_breaker_state{api="auth/token"} 1',
      'authlete_circuit_breaker_state{api="auth/revocation"} 0',
    ]);
  });
});
