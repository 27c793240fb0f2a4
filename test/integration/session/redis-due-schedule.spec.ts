import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisDueSchedule } from '../../../src/session/redis-due-schedule';
import { RedisStoreSpaces } from '../../../src/session/redis-store-spaces';
import { SessionExpirySchedule } from '../../../src/session/session-expiry-schedule';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * The session-expiry schedule in Redis (OpenID Connect Back-Channel Logout 1.0 §2.7): what one
 * instance puts on it, another instance — or the same one after a restart — takes, each session
 * exactly once.
 */
describe('session-expiry schedule in Redis', () => {
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('survives a restart: a new instance takes what the old one put on, once', async () => {
    const now = Date.now();
    const before = new RedisStoreSpaces(REDIS_URL, prefix);
    try {
      const first = new SessionExpirySchedule(before);
      await first.watch('sid-1', now + 1_000);
      await first.watch('sid-2', now + 2_000);
      await first.watch('sid-3', now + 9_000);
      await first.forget('sid-2');
      // The set expires a day after its latest due session: an abandoned prefix leaves nothing.
      const expiresAt = await redis.pexpiretime(`${prefix}~due:session-expiry`);
      expect(expiresAt).toBe(now + 9_000 + 24 * 3600 * 1000);
    } finally {
      await before.onApplicationShutdown();
    }
    const after = new RedisStoreSpaces(REDIS_URL, prefix);
    try {
      const second = new SessionExpirySchedule(after);
      expect(await second.takeEnded(now + 5_000)).toEqual(['sid-1']);
      expect(await second.takeEnded(now + 5_000)).toEqual([]);
      expect(await second.takeEnded(now + 9_000)).toEqual(['sid-3']);
    } finally {
      await after.onApplicationShutdown();
    }
  });

  it('two instances sweeping at once never both get a session', async () => {
    const [a, b] = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    try {
      const one = new RedisDueSchedule(a, prefix, 'session-expiry');
      const two = new RedisDueSchedule(b, prefix, 'session-expiry');
      const ids = Array.from({ length: 200 }, (_, index) => `race-${index}`);
      const due = Date.now();
      for (const id of ids) await one.watch(id, due);
      const takes = await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? one : two).takeDue(due, 30)),
      );
      const taken = takes.flat();
      expect(taken).toHaveLength(200);
      expect(new Set(taken).size).toBe(200);
    } finally {
      await Promise.all([a.quit(), b.quit()]);
    }
  });

  it('holds at most its cap, dropping the sessions due soonest', async () => {
    const client = new Redis(REDIS_URL);
    try {
      const capped = new RedisDueSchedule(client, `${prefix}capped:`, 'session-expiry', 3);
      const now = Date.now();
      for (const [id, at] of [
        ['a', 4_000],
        ['b', 1_000],
        ['c', 3_000],
        ['d', 2_000],
      ] as const) {
        await capped.watch(id, now + at);
      }
      expect(await capped.takeDue(now + 10_000, 10)).toEqual(['d', 'c', 'a']);
    } finally {
      await client.quit();
    }
  });
});
