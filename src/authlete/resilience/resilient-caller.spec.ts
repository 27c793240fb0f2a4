import { AuthleteApiError } from '../authlete-api.error';
import { RETRYABLE_APIS } from './call-policy';
import { ResilientCaller } from './resilient-caller';

const options = {
  retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 10 },
  breaker: { failureThreshold: 1000, openMs: 1000 },
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
      breaker: { failureThreshold: 2, openMs: 60000 },
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
