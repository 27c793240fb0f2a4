import { type OutcomeTotals, OutcomeWindow } from './outcome-window';

/** States of a circuit breaker. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** Breaker settings (`BREAKER_*`), after resilience4j's `CircuitBreakerConfig`. */
export interface BreakerOptions {
  /** Failure rate, in percent, at or above which the breaker opens. */
  failureRatePercent: number;
  /** Calls the window must hold before the rate is judged (a single failure never opens it). */
  minimumCalls: number;
  /** Length of the sliding time window the rate is computed over. */
  windowMs: number;
  /** How long the breaker stays open before it lets trial calls through. */
  openMs: number;
  /** Trial calls admitted while half-open; their failure rate decides open or closed. */
  halfOpenCalls: number;
}

/** Leave to make one call; report its outcome exactly once. */
export interface BreakerPermit {
  /** The call reached a working Authlete (any answer but an outage). */
  succeeded(): void;
  /** The call failed with an outage (timeout, refused connection, 429, 5xx, garbage). */
  failed(): void;
}

/**
 * A failure-rate circuit breaker for one Authlete API (resilience4j's model). Closed: calls flow
 * and their outcomes fill a sliding time window; once it holds `minimumCalls` and the failure rate
 * reaches `failureRatePercent`, the breaker opens. Open: calls are refused at once, so a dead
 * dependency costs nothing per request. After `openMs`, half-open: `halfOpenCalls` trial calls go
 * through; when they are done, their failure rate closes the breaker or opens it again. Outcomes
 * of calls admitted before the last state change are ignored.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private readonly window: OutcomeWindow;
  private openedAt = 0;
  /** Bumped on every state change, so late outcomes of an earlier phase do not count. */
  private generation = 0;
  private trials = { admitted: 0, done: 0, failed: 0 };

  constructor(
    private readonly options: BreakerOptions,
    private readonly onChange: (state: BreakerState) => void = () => undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.window = new OutcomeWindow(options.windowMs, now);
  }

  /** The current state (an open breaker past its wait reports half-open). */
  get current(): BreakerState {
    if (this.state === 'open' && this.remainingOpenMs() === 0) return 'half-open';
    return this.state;
  }

  /** Milliseconds until an open breaker admits trial calls; 0 when not open. */
  remainingOpenMs(): number {
    if (this.state !== 'open') return 0;
    return Math.max(0, this.openedAt + this.options.openMs - this.now());
  }

  /** Asks to make one call; undefined means answer at once without calling. */
  acquire(): BreakerPermit | undefined {
    if (this.state === 'open') {
      if (this.remainingOpenMs() > 0) return undefined;
      this.transition('half-open');
    }
    if (this.state === 'half-open') {
      if (this.trials.admitted >= this.options.halfOpenCalls) return undefined;
      this.trials.admitted += 1;
    }
    const generation = this.generation;
    let reported = false;
    const report = (failed: boolean): void => {
      if (reported || generation !== this.generation) return;
      reported = true;
      this.record(failed);
    };
    return { succeeded: () => report(false), failed: () => report(true) };
  }

  private record(failed: boolean): void {
    if (this.state === 'closed') {
      this.window.record(failed);
      if (failed && this.rateReached(this.window.totals())) this.transition('open');
      return;
    }
    // Half-open (an open breaker admits nothing, so no outcome of this generation arrives there).
    this.trials.done += 1;
    if (failed) this.trials.failed += 1;
    if (this.trials.done < this.options.halfOpenCalls) return;
    const tripped = this.trials.failed * 100 >= this.options.failureRatePercent * this.trials.done;
    this.transition(tripped ? 'open' : 'closed');
  }

  private rateReached(totals: OutcomeTotals): boolean {
    return (
      totals.calls >= this.options.minimumCalls &&
      totals.failures * 100 >= this.options.failureRatePercent * totals.calls
    );
  }

  private transition(state: BreakerState): void {
    this.state = state;
    this.generation += 1;
    this.window.clear();
    this.trials = { admitted: 0, done: 0, failed: 0 };
    if (state === 'open') this.openedAt = this.now();
    this.onChange(state);
  }
}
