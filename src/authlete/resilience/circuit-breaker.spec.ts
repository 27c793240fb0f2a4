import { type BreakerOptions, type BreakerState, CircuitBreaker } from './circuit-breaker';

const options: BreakerOptions = {
  failureRatePercent: 50,
  minimumCalls: 4,
  windowMs: 10_000,
  openMs: 1_000,
  halfOpenCalls: 2,
};

function breakerAt(clock: { now: number }, overrides: Partial<BreakerOptions> = {}) {
  const states: BreakerState[] = [];
  const breaker = new CircuitBreaker(
    { ...options, ...overrides },
    (state) => states.push(state),
    () => clock.now,
  );
  const call = (failed: boolean): boolean => {
    const permit = breaker.acquire();
    if (permit === undefined) return false;
    if (failed) permit.failed();
    else permit.succeeded();
    return true;
  };
  return { breaker, states, call };
}

describe('CircuitBreaker (sliding-window failure rate, resilience4j model)', () => {
  it('never opens before the window holds the minimum number of calls', () => {
    const clock = { now: 0 };
    const { breaker, call } = breakerAt(clock);
    for (let i = 0; i < 3; i += 1) expect(call(true)).toBe(true);
    expect(breaker.current).toBe('closed');
    call(true);
    expect(breaker.current).toBe('open');
  });

  it('opens when the failure rate reaches the threshold, not on a few failures among many successes', () => {
    const clock = { now: 0 };
    const { breaker, call } = breakerAt(clock);
    for (let i = 0; i < 10; i += 1) call(false);
    for (let i = 0; i < 9; i += 1) call(true);
    expect(breaker.current).toBe('closed'); // 9 of 19: 47 %
    call(true); // 10 of 20: 50 %
    expect(breaker.current).toBe('open');
  });

  it('forgets outcomes older than the window', () => {
    const clock = { now: 0 };
    const { breaker, call } = breakerAt(clock);
    for (let i = 0; i < 3; i += 1) call(true);
    clock.now = 11_000;
    call(true);
    expect(breaker.current).toBe('closed');
  });

  it('refuses while open, then admits halfOpenCalls trials; their success closes it', () => {
    const clock = { now: 0 };
    const { breaker, states, call } = breakerAt(clock);
    for (let i = 0; i < 4; i += 1) call(true);
    expect(breaker.acquire()).toBeUndefined();
    expect(breaker.remainingOpenMs()).toBe(1_000);
    clock.now = 1_000;
    expect(breaker.current).toBe('half-open');
    const first = breaker.acquire();
    const second = breaker.acquire();
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(breaker.acquire()).toBeUndefined(); // only two trials
    first!.succeeded();
    second!.succeeded();
    expect(breaker.current).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('re-opens for another openMs when the trials fail', () => {
    const clock = { now: 0 };
    const { breaker, call } = breakerAt(clock);
    for (let i = 0; i < 4; i += 1) call(true);
    clock.now = 1_500;
    call(true);
    call(false);
    expect(breaker.current).toBe('open');
    expect(breaker.remainingOpenMs()).toBe(1_000);
  });

  it('ignores late outcomes of calls admitted before the last state change', () => {
    const clock = { now: 0 };
    const { breaker, call } = breakerAt(clock);
    const straggler = breaker.acquire()!;
    for (let i = 0; i < 4; i += 1) call(true);
    clock.now = 1_000;
    const trial = breaker.acquire()!;
    straggler.succeeded(); // from the closed phase: not a trial
    trial.succeeded();
    expect(breaker.current).toBe('half-open');
    call(false);
    expect(breaker.current).toBe('closed');
  });

  it('a permit reports once', () => {
    const clock = { now: 0 };
    const { breaker } = breakerAt(clock);
    const permit = breaker.acquire()!;
    for (let i = 0; i < 10; i += 1) permit.failed();
    expect(breaker.current).toBe('closed');
  });
});
