/**
 * The storage port behind sessions, interactions, consents and login-attempt counters
 * (design.md §1 "Scaling out"): in memory for one instance, Redis when `REDIS_URL` is set so that
 * several instances share one state. Values are opaque strings; every key expires.
 */
export abstract class KeyValueStore {
  /** The value, or undefined when absent or expired. */
  abstract get(key: string): Promise<string | undefined>;

  /** Stores a value that expires after `ttlSeconds`. */
  abstract set(key: string, value: string, ttlSeconds: number): Promise<void>;

  /** Reads and deletes in one atomic step: two concurrent callers never both get the value. */
  abstract take(key: string): Promise<string | undefined>;

  abstract delete(key: string): Promise<void>;

  /** Adds one to a counter; the first increment starts its `ttlSeconds` window. */
  abstract increment(key: string, ttlSeconds: number): Promise<number>;
}
