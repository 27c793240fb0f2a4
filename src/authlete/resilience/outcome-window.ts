/** Calls and failures counted over a window. */
export interface OutcomeTotals {
  calls: number;
  failures: number;
}

/** Buckets a time window is split into; older buckets expire one at a time as time moves on. */
const BUCKETS = 10;

/**
 * A time-based sliding window of call outcomes, as resilience4j's `TIME_BASED` window: the last
 * `windowMs` are split into ten buckets of partial counts, so recording and reading are O(1) and
 * memory is constant whatever the traffic. A bucket older than the window no longer counts.
 */
export class OutcomeWindow {
  private readonly bucketMs: number;
  private readonly calls = new Array<number>(BUCKETS).fill(0);
  private readonly failures = new Array<number>(BUCKETS).fill(0);
  /** The bucket epoch (`floor(now / bucketMs)`) each slot currently holds. */
  private readonly epochs = new Array<number>(BUCKETS).fill(-1);

  constructor(
    windowMs: number,
    private readonly now: () => number,
  ) {
    this.bucketMs = Math.max(1, windowMs / BUCKETS);
  }

  /** Counts one call at the current time. */
  record(failed: boolean): void {
    const epoch = Math.floor(this.now() / this.bucketMs);
    const slot = epoch % BUCKETS;
    if (this.epochs[slot] !== epoch) {
      this.epochs[slot] = epoch;
      this.calls[slot] = 0;
      this.failures[slot] = 0;
    }
    this.calls[slot]! += 1;
    if (failed) this.failures[slot]! += 1;
  }

  /** Calls and failures of the buckets still inside the window. */
  totals(): OutcomeTotals {
    const current = Math.floor(this.now() / this.bucketMs);
    let calls = 0;
    let failures = 0;
    for (let slot = 0; slot < BUCKETS; slot += 1) {
      if (current - this.epochs[slot]! < BUCKETS) {
        calls += this.calls[slot]!;
        failures += this.failures[slot]!;
      }
    }
    return { calls, failures };
  }

  /** Forgets every outcome (the breaker changed state). */
  clear(): void {
    this.epochs.fill(-1);
    this.calls.fill(0);
    this.failures.fill(0);
  }
}
