import { AuthleteApiError } from '../authlete-api.error';
import { RETRYABLE_APIS } from './call-policy';
import { ResilientCaller } from './resilient-caller';

const breaker = {
  failureRatePercent: 50,
  minimumCalls: 1000,
  windowMs: 10_000,
  openMs: 1000,
  halfOpenCalls: 1,
};
const options = {
  retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 10 },
  breaker,
  deadlineMs: 10_000,
};

/** Every API AuthleteService calls that changes state (authlete-api.md §4–§8). */
const NON_IDEMPOTENT = [
  'auth/authorization',
  'auth/authorization/issue',
  'auth/authorization/fail',
  'auth/token',
  'auth/token/issue',
  'auth/token/fail',
  'auth/token/create',
  'auth/userinfo',
  'auth/userinfo/issue',
  'auth/revocation',
  'pushed_auth_req',
];

const failures = [
  new AuthleteApiError('x', 'http', 500),
  new AuthleteApiError('x', 'http', 429, undefined, undefined, 0),
  new AuthleteApiError('x', 'timeout', 0),
  new AuthleteApiError('x', 'unreachable', 0),
];

describe('ResilientCaller retry policy', () => {
  it.each(NON_IDEMPOTENT)('%s is attempted exactly once whatever the failure', async (api) => {
    const caller = new ResilientCaller(options);
    for (const failure of failures) {
      const attempt = jest.fn(() => Promise.reject(failure));
      await expect(caller.execute(api, attempt, () => 'OK')).rejects.toBe(failure);
      expect(attempt).toHaveBeenCalledTimes(1);
    }
  });

  it.each([...RETRYABLE_APIS])('%s is retried up to the attempt limit', async (api) => {
    const caller = new ResilientCaller(options);
    const attempt = jest.fn(() => Promise.reject(new AuthleteApiError(api, 'http', 503)));
    await expect(caller.execute(api, attempt, () => 'OK')).rejects.toBeInstanceOf(AuthleteApiError);
    expect(attempt).toHaveBeenCalledTimes(4);
  });

  it('does not retry a safe API on a 4xx (Authlete is up; the request is wrong)', async () => {
    const caller = new ResilientCaller(options);
    const attempt = jest.fn(() =>
      Promise.reject(new AuthleteApiError('service/configuration', 'http', 401)),
    );
    await expect(
      caller.execute('service/configuration', attempt, () => 'OK'),
    ).rejects.toBeInstanceOf(AuthleteApiError);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('opens a breaker per API and refuses at once with circuit-open', async () => {
    const caller = new ResilientCaller({
      ...options,
      breaker: { ...breaker, minimumCalls: 2, openMs: 60000 },
    });
    const failing = jest.fn(() =>
      Promise.reject(new AuthleteApiError('auth/token', 'unreachable', 0)),
    );
    await expect(caller.execute('auth/token', failing, () => 'OK')).rejects.toMatchObject({
      kind: 'unreachable',
    });
    await expect(caller.execute('auth/token', failing, () => 'OK')).rejects.toMatchObject({
      kind: 'unreachable',
    });
    await expect(caller.execute('auth/token', failing, () => 'OK')).rejects.toMatchObject({
      kind: 'circuit-open',
      retryAfterSeconds: 60,
    });
    expect(failing).toHaveBeenCalledTimes(2);
    await expect(
      caller.execute(
        'auth/revocation',
        () => Promise.resolve(1),
        () => 'OK',
      ),
    ).resolves.toBe(1);
  });
});

describe('ResilientCaller deadline (retry budget)', () => {
  const slowRetries = {
    retry: { maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 400 },
    breaker,
    deadlineMs: 1000,
  };

  it('never runs retries past the deadline, whatever the attempt limit', async () => {
    const caller = new ResilientCaller(slowRetries);
    const started = performance.now();
    const attempt = jest.fn(() =>
      Promise.reject(new AuthleteApiError('service/configuration', 'http', 503)),
    );
    await expect(
      caller.execute('service/configuration', attempt, () => 'OK'),
    ).rejects.toMatchObject({
      status: 503,
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(attempt.mock.calls.length).toBeGreaterThan(1);
    expect(attempt.mock.calls.length).toBeLessThan(10);
  });

  it('gives each attempt only the time that is left', async () => {
    const caller = new ResilientCaller(slowRetries);
    const budgets: number[] = [];
    const attempt = jest.fn((timeoutMs: number) => {
      budgets.push(timeoutMs);
      return Promise.reject(new AuthleteApiError('service/configuration', 'timeout', 0));
    });
    await expect(
      caller.execute('service/configuration', attempt, () => 'OK'),
    ).rejects.toBeDefined();
    expect(budgets[0]).toBeLessThanOrEqual(1000);
    for (let i = 1; i < budgets.length; i += 1) expect(budgets[i]).toBeLessThan(budgets[i - 1]!);
  });

  it('does not wait for a Retry-After that ends after the deadline', async () => {
    const caller = new ResilientCaller({
      ...slowRetries,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5000 },
    });
    const busy = new AuthleteApiError('auth/introspection', 'http', 429, undefined, undefined, 2);
    const attempt = jest.fn(() => Promise.reject(busy));
    const started = performance.now();
    await expect(caller.execute('auth/introspection', attempt, () => 'OK')).rejects.toBe(busy);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('a per-call deadline tightens the configured one', async () => {
    const caller = new ResilientCaller(slowRetries);
    let budget = 0;
    await caller.execute(
      'service/configuration',
      (timeoutMs) => {
        budget = timeoutMs;
        return Promise.resolve(1);
      },
      () => 'OK',
      { deadlineMs: 300 },
    );
    expect(budget).toBeLessThanOrEqual(300);
  });
});
