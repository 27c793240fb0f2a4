/** States of a circuit breaker. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** Breaker settings (`BREAKER_*`). */
export interface BreakerOptions {
  /** Consecutive outage failures that open the breaker. */
  failureThreshold: number;
  /** How long the breaker stays open before it lets one trial call through. */
  openMs: number;
}

/**
 * A consecutive-failure circuit breaker for one Authlete API. Closed: calls flow and failures are
 * counted. Open: calls are refused at once, so a dead dependency costs nothing per request. After
 * `openMs`, half-open: exactly one trial call goes through; its success closes the breaker, its
 * failure opens it again.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly onChange: (state: BreakerState) => void = () => undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The current state (an open breaker past its wait reports half-open). */
  get current(): BreakerState {
    if (this.state === 'open' && this.remainingOpenMs() === 0) return 'half-open';
    return this.state;
  }

  /** Milliseconds until an open breaker admits a trial call; 0 when not open. */
  remainingOpenMs(): number {
    if (this.state !== 'open') return 0;
    return Math.max(0, this.openedAt + this.options.openMs - this.now());
  }

  /** Asks to make one call; false means answer at once without calling. */
  tryAcquire(): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open') {
      if (this.remainingOpenMs() > 0) return false;
      this.transition('half-open');
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** The call reached a working Authlete (any answer but an outage). */
  onSuccess(): void {
    this.failures = 0;
    this.trialInFlight = false;
    if (this.state !== 'closed') this.transition('closed');
  }

  /** The call failed with an outage (timeout, refused connection, 429, 5xx, garbage). */
  onFailure(): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.state === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      if (this.state !== 'open') this.transition('open');
    }
  }

  private transition(state: BreakerState): void {
    this.state = state;
    this.onChange(state);
  }
}
