/** Anything kept by the engine carries its own expiry, in milliseconds since the epoch. */
export interface Expiring {
  expiresAt: number;
}

/**
 * Thrown when a store already holds its configured maximum of live items (issue 3 item 8). The
 * HTTP layer turns it into an API-level 503 `{resultCode, resultMessage}`.
 */
export class StoreFullError extends Error {
  constructor(readonly kind: string) {
    super(`the ${kind} store is full`);
    this.name = 'StoreFullError';
  }
}

/**
 * A Map with per-item expiry and a size cap. Expired items are invisible to `get`, removed lazily
 * and by `sweep()`; `onRemove` lets owners keep indexes (e.g. a grant's token set) in step.
 */
export class ExpiringStore<T extends Expiring> {
  private readonly items = new Map<string, T>();

  constructor(
    readonly kind: string,
    private readonly cap: number,
    private readonly now: () => number,
    private readonly onRemove?: (key: string, item: T) => void,
  ) {}

  get size(): number {
    return this.items.size;
  }

  /** Adds an item; sweeps once and then refuses with StoreFullError when the cap is reached. */
  add(key: string, item: T): void {
    if (this.items.size >= this.cap && this.sweep() === 0) throw new StoreFullError(this.kind);
    this.items.set(key, item);
  }

  /** The live item under `key`; an expired one is removed and reported as absent. */
  get(key: string): T | undefined {
    const item = this.items.get(key);
    if (item === undefined) return undefined;
    if (item.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return item;
  }

  /** The item under `key` even if it has expired (the caller decides what expiry means). */
  peek(key: string): T | undefined {
    return this.items.get(key);
  }

  /** Removes and returns the live item: single-use semantics for tickets and request URIs. */
  take(key: string): T | undefined {
    const item = this.get(key);
    if (item !== undefined) this.delete(key);
    return item;
  }

  delete(key: string): boolean {
    const item = this.items.get(key);
    if (item === undefined) return false;
    this.items.delete(key);
    this.onRemove?.(key, item);
    return true;
  }

  /** Every stored item with its key, live or not (for sweeps by content, e.g. per session). */
  entries(): [string, T][] {
    return [...this.items];
  }

  /** Removes every expired item; returns how many were removed. */
  sweep(): number {
    const now = this.now();
    let removed = 0;
    for (const [key, item] of this.items) {
      if (item.expiresAt <= now) {
        this.delete(key);
        removed += 1;
      }
    }
    return removed;
  }
}
