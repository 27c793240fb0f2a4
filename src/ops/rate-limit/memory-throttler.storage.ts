import type { ThrottlerStorage } from '@nestjs/throttler';
import type { BlockReader } from './block-reader';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  expiresAt: number;
  blockedUntil: number;
}

/** How often expired windows are dropped. */
const SWEEP_INTERVAL_MS = 10_000;

/**
 * @nestjs/throttler storage in process memory for a single instance: a fixed-window counter per
 * key with a block period, the same semantics as {@link RedisThrottlerStorage} (so the 429 and
 * `Retry-After` behaviour does not change with `REDIS_URL`).
 *
 * The library's default storage keeps one timestamp per hit and filters that list on every request,
 * so its cost grows with the limit; this one costs O(1) per request and one timer for the whole
 * store (unref'd). Expired windows are swept every 10 s, so memory is bounded by the keys active in
 * one window.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage, BlockReader {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Counts one hit for `key` and reports whether it is over `limit` (times in seconds). */
  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    let window = this.windows.get(key);
    if (window === undefined || (window.expiresAt <= now && window.blockedUntil <= now)) {
      window = { hits: 0, expiresAt: now + ttl, blockedUntil: 0 };
      this.windows.set(key, window);
    } else if (window.expiresAt <= now) {
      window.expiresAt = now + ttl;
    }
    if (window.blockedUntil > now) return Promise.resolve(record(window, now, true));
    window.hits += 1;
    if (window.hits > limit) {
      window.blockedUntil = now + blockDuration;
      return Promise.resolve(record(window, now, true));
    }
    return Promise.resolve(record(window, now, false));
  }

  /** Seconds until `key`'s block ends; 0 when not blocked. Counts nothing. */
  blockedFor(key: string): Promise<number> {
    return Promise.resolve(this.blockedForNow(key));
  }

  /** {@link blockedFor} without a promise: the counters live in this process. */
  blockedForNow(key: string): number {
    const blockedUntil = this.windows.get(key)?.blockedUntil ?? 0;
    const left = blockedUntil - this.now();
    return left > 0 ? Math.max(1, Math.ceil(left / 1000)) : 0;
  }

  /** Number of keys held (tests and diagnostics). */
  get size(): number {
    return this.windows.size;
  }

  /** Drops windows whose count and block have both expired. */
  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) {
      if (window.expiresAt <= now && window.blockedUntil <= now) this.windows.delete(key);
    }
  }
}

function record(window: Window, now: number, blocked: boolean): ThrottlerStorageRecord {
  return {
    totalHits: window.hits,
    timeToExpire: Math.max(0, Math.ceil((window.expiresAt - now) / 1000)),
    isBlocked: blocked,
    timeToBlockExpire: blocked ? Math.max(1, Math.ceil((window.blockedUntil - now) / 1000)) : 0,
  };
}
