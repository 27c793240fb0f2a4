/** What one timed load run produced (requests or whole flows). */
export interface LoadResult {
  /** Successful operations (2xx requests, or completed flows). */
  ok: number;
  /** Failed operations: non-2xx, connection errors, timeouts, broken flows. */
  failed: number;
  /** Wall time of the run in seconds. */
  seconds: number;
  /** Latency percentiles in ms (per request, or per whole flow). */
  p50: number;
  p99: number;
  /** Optional extra facts (e.g. HTTP requests per flow). */
  notes?: string;
}
