import autocannon from 'autocannon';
import type { LoadResult } from './load-result';

/** One fixed HTTP request, replayed by every connection. */
export interface FixedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** How long a run lasts: a duration in seconds, or a number of requests. */
type RunLength = { duration: number } | { amount: number };

async function run(
  baseUrl: string,
  request: FixedRequest,
  connections: number,
  length: RunLength,
): Promise<LoadResult> {
  const result = await autocannon({
    url: `${baseUrl}${request.path}`,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    pipelining: 1,
    ...length,
    timeout: 10,
  });
  return {
    ok: result['2xx'],
    failed: result.non2xx + result.errors,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * Runs autocannon against `baseUrl` for `seconds` with `connections` keep-alive connections and
 * no pipelining; a hard timeout per request keeps the run bounded.
 */
export function cannon(
  baseUrl: string,
  request: FixedRequest,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  return run(baseUrl, request, connections, { duration: seconds });
}

/**
 * Sends exactly `amount` copies of `request` over `connections` keep-alive connections (the
 * memory phase: a fixed number of grants rather than a fixed time).
 */
export function cannonAmount(
  baseUrl: string,
  request: FixedRequest,
  connections: number,
  amount: number,
): Promise<LoadResult> {
  return run(baseUrl, request, connections, { amount });
}
