import { AuthleteApiError } from '../authlete-api.error';
import { retryDelayMs } from './backoff';

const options = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 2000 };
const http500 = new AuthleteApiError('x', 'http', 500);

describe('retryDelayMs', () => {
  it('grows exponentially with equal jitter, capped', () => {
    expect(retryDelayMs(1, http500, options, () => 0)).toBe(50);
    expect(retryDelayMs(1, http500, options, () => 1)).toBe(100);
    expect(retryDelayMs(3, http500, options, () => 1)).toBe(400);
    expect(retryDelayMs(3, http500, { ...options, maxDelayMs: 300, maxAttempts: 9 }, () => 1)).toBe(
      300,
    );
  });

  it('stops after maxAttempts', () => {
    expect(retryDelayMs(4, http500, options)).toBeUndefined();
  });

  it('honours Retry-After / RateLimit-Reset seconds, and refuses waits beyond maxDelayMs', () => {
    const wait1 = new AuthleteApiError('x', 'http', 429, undefined, undefined, 1);
    expect(retryDelayMs(1, wait1, options, () => 0)).toBe(1000);
    const wait9 = new AuthleteApiError('x', 'http', 429, undefined, undefined, 9);
    expect(retryDelayMs(1, wait9, options)).toBeUndefined();
  });
});
