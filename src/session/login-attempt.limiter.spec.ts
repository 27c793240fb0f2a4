import type { SessionConfig } from '../config/session.config';
import { LoginAttemptLimiter } from './login-attempt.limiter';
import { MemoryStoreSpaces } from './memory-store-spaces';

const CONFIG = {
  loginPairFreeFailures: 3,
  loginPairMaxDelaySeconds: 900,
  loginFailureResetSeconds: 43_200,
  loginMaxPerUser: 5,
  loginUserMaxDelaySeconds: 60,
  loginMaxPerIp: 50,
  loginWindowSeconds: 900,
} as SessionConfig;

describe('LoginAttemptLimiter (growing waits, no lockout denial of service)', () => {
  let now = 1_000_000_000;
  let spaces: MemoryStoreSpaces;
  let limiter: LoginAttemptLimiter;

  beforeEach(() => {
    spaces = new MemoryStoreSpaces(undefined, () => now);
    limiter = new LoginAttemptLimiter(spaces, CONFIG, undefined, () => now);
  });
  afterEach(() => spaces.onModuleDestroy());

  it('doubles the wait of a (user, IP) pair with each failure past the free ones, up to the cap', async () => {
    const waits: number[] = [];
    for (let failure = 1; failure <= 14; failure += 1) {
      expect(await limiter.check('alice', '203.0.113.9')).toEqual({ allowed: true });
      const gate = await limiter.recordFailure('alice', '203.0.113.9');
      const wait = gate.allowed ? 0 : gate.waitSeconds;
      waits.push(wait);
      // The next try is refused until the wait is over, and says how long is left.
      if (wait > 0) {
        now += 500;
        expect(await limiter.check('alice', '203.0.113.9')).toEqual({
          allowed: false,
          waitSeconds: Math.ceil(wait - 0.5),
        });
      }
      now += wait * 1000;
    }
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
  });

  it('an attacker’s 100 failures for alice from one IP never stop alice at her own address', async () => {
    await limiter.recordSuccess('alice', '198.51.100.7');
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if ((await limiter.check('alice', '203.0.113.9')).allowed) {
        await limiter.recordFailure('alice', '203.0.113.9');
      }
      now += 30_000;
    }
    const attacker = await limiter.check('alice', '203.0.113.9');
    expect(attacker.allowed).toBe(false);
    expect(await limiter.check('alice', '198.51.100.7')).toEqual({ allowed: true });
    // At an address alice never used, she waits at most the user-wide cap: a wait, not a lock.
    const stranger = await limiter.check('alice', '192.0.2.1');
    expect(stranger.allowed ? 0 : stranger.waitSeconds).toBeLessThanOrEqual(60);
  });

  it('caps failures per IP across usernames (password spraying), until the window ends', async () => {
    for (let user = 0; user < 50; user += 1) {
      await limiter.recordFailure(`user${user}`, '203.0.113.9');
    }
    const gate = await limiter.check('someone-else', '203.0.113.9');
    expect(gate).toEqual({ allowed: false, waitSeconds: 900 });
    now += 900_000;
    expect(await limiter.check('someone-else', '203.0.113.9')).toEqual({ allowed: true });
  });

  it('clears the pair after a success', async () => {
    for (let failure = 0; failure < 4; failure += 1) {
      await limiter.recordFailure('bob', '203.0.113.9');
    }
    expect((await limiter.check('bob', '203.0.113.9')).allowed).toBe(false);
    await limiter.recordSuccess('bob', '203.0.113.9');
    expect(await limiter.check('bob', '203.0.113.9')).toEqual({ allowed: true });
  });
});
