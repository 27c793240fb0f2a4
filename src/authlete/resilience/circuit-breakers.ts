import { type BreakerOptions, type BreakerState, CircuitBreaker } from './circuit-breaker';

/** The state of one API's circuit breaker at the time it is read. */
export interface BreakerSnapshot {
  api: string;
  state: BreakerState;
}

/**
 * One {@link CircuitBreaker} per Authlete API, created on first use, so an outage of one API
 * (say `/auth/userinfo`) does not refuse calls to the others.
 */
export class CircuitBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly options: BreakerOptions,
    private readonly onChange: (api: string, state: BreakerState) => void = () => undefined,
  ) {}

  /** The breaker of `api`. */
  for(api: string): CircuitBreaker {
    let breaker = this.breakers.get(api);
    if (!breaker) {
      breaker = new CircuitBreaker(this.options, (state) => this.onChange(api, state));
      this.breakers.set(api, breaker);
    }
    return breaker;
  }

  /** The current state of every breaker used so far. */
  snapshot(): BreakerSnapshot[] {
    return [...this.breakers].map(([api, breaker]) => ({ api, state: breaker.current }));
  }
}
