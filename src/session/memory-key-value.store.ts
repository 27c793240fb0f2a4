import type { OnModuleDestroy } from '@nestjs/common';
import { KeyValueStore } from './key-value.store';

interface Entry {
  value: string;
  expiresAt: number;
}

/** Default upper bound of stored keys; beyond it the oldest entries are dropped first. */
export const MEMORY_STORE_MAX_KEYS = 100_000;

/**
 * {@link KeyValueStore} in process memory, for a single instance. Expired keys are removed on read
 * and by a periodic sweep; the number of keys is capped so a flood of anonymous sessions cannot
 * grow memory without bound (the oldest entries go first).
 */
export class MemoryKeyValueStore extends KeyValueStore implements OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  /**
   * A live iterator over the keys in insertion order, kept between evictions: a fresh
   * `keys().next()` would rescan the tombstones of every key deleted before it (O(n) per write).
   */
  private oldest: IterableIterator<string> = this.entries.keys();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly maxKeys = MEMORY_STORE_MAX_KEYS,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry;
    this.entries.delete(key);
    return undefined;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  /** Drops the oldest key (Map keeps insertion order), in amortised O(1). */
  private evictOldest(): void {
    let next = this.oldest.next();
    if (next.done === true) {
      this.oldest = this.entries.keys();
      next = this.oldest.next();
    }
    if (next.done !== true) this.entries.delete(next.value);
  }

  /**
   * Stores an entry; a full store drops its oldest key first. No sweep here: scanning every key on
   * each write would let a flood cost O(n) per request.
   */
  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxKeys) this.evictOldest();
    this.entries.set(key, entry);
  }

  override get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.live(key)?.value);
  }

  override set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.put(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    return Promise.resolve();
  }

  override take(key: string): Promise<string | undefined> {
    const entry = this.live(key);
    this.entries.delete(key);
    return Promise.resolve(entry?.value);
  }

  override delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  override increment(key: string, ttlSeconds: number): Promise<number> {
    const entry = this.live(key);
    const count = (entry === undefined ? 0 : Number(entry.value)) + 1;
    const expiresAt = entry?.expiresAt ?? this.now() + ttlSeconds * 1000;
    this.put(key, { value: String(count), expiresAt });
    return Promise.resolve(count);
  }
}
