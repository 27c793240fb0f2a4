import { percentile } from '../lib/stats';
import type { LoadResult } from '../lib/load-result';
import { type CodeFlowOptions, runCodeFlow } from './code-flow';
import { CookieJar } from '../../test/support/cookie-jar';

/** How the simulated browsers behave. */
export interface FlowLoadOptions extends CodeFlowOptions {
  /** Concurrent browsers. */
  users: number;
  /** Keep each browser's cookies across flows (signed-in user) instead of a fresh browser per flow. */
  keepSession: boolean;
}

/**
 * Runs whole code flows back to back from `users` concurrent browsers for `seconds`: throughput is
 * completed flows per second, latency is per whole flow. Bounded: no flow starts after the deadline.
 */
export async function flowLoad(
  baseUrl: string,
  options: FlowLoadOptions,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let requests = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const browser = async (): Promise<void> => {
    let jar = new CookieJar();
    while (performance.now() < deadline) {
      if (!options.keepSession) jar = new CookieJar();
      const begin = performance.now();
      try {
        const outcome = await runCodeFlow(baseUrl, jar, options);
        latencies.push(performance.now() - begin);
        requests += outcome.requests;
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
        jar = new CookieJar();
      }
    }
  };
  await Promise.all(Array.from({ length: options.users }, browser));
  const elapsed = (performance.now() - started) / 1000;
  const perFlow = latencies.length > 0 ? (requests / latencies.length).toFixed(1) : '–';
  return {
    ok: latencies.length,
    failed,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    notes: `${perFlow} HTTP requests per flow${firstError ? `; first error: ${firstError}` : ''}`,
  };
}
