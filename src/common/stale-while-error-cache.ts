/**
 * Caches one asynchronously loaded value for `ttlMs`. After expiry the next read reloads it; if
 * that load fails and a previous value exists, the stale value is served (RFC 5861 §4 semantics).
 * Concurrent reads share one in-flight load.
 */
export class StaleWhileErrorCache<T> {
  private value?: { data: T; loadedAt: number };
  private inFlight?: Promise<T>;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the cached value, reloading it when expired; stale on load failure. */
  async get(): Promise<T> {
    const cached = this.value;
    if (cached && this.now() - cached.loadedAt < this.ttlMs) return cached.data;
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async refresh(): Promise<T> {
    try {
      const data = await this.load();
      this.value = { data, loadedAt: this.now() };
      return data;
    } catch (error) {
      if (this.value) return this.value.data;
      throw error;
    }
  }
}
