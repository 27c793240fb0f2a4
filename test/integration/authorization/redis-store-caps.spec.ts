import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisStoreSpaces } from '../../../src/session/redis-store-spaces';
import { STORE_SPACE_CAPS } from '../../../src/session/store-spaces';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('Redis store spaces: capped and TTL-bound key spaces (issue 11, Build 4)', () => {
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  const caps = { ...STORE_SPACE_CAPS, anonymous: 5, security: 3 };
  let spaces: RedisStoreSpaces;
  let redis: Redis;

  beforeAll(() => {
    spaces = new RedisStoreSpaces(REDIS_URL, prefix, undefined, caps);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await spaces.onApplicationShutdown();
  });

  it('an anonymous flood evicts only anonymous keys, oldest first', async () => {
    await spaces.space('sessions').set('session:alice', 'signed-in', 3600);
    const anonymous = spaces.space('anonymous');
    for (let key = 0; key < 20; key += 1) await anonymous.set(`session:${key}`, 'x', 600 - key);
    const kept = await redis.keys(`${prefix}{anonymous}:session:*`);
    expect(kept.sort()).toEqual(
      [15, 16, 17, 18, 19].map((key) => `${prefix}{anonymous}:session:${key}`).sort(),
    );
    expect(await spaces.space('sessions').get('session:alice')).toBe('signed-in');
    for (const key of kept) expect(await redis.ttl(key)).toBeGreaterThan(0);
  });

  it('caps counters too, and take/delete leave the index', async () => {
    const security = spaces.space('security');
    for (let key = 0; key < 6; key += 1) await security.increment(`fail:${key}`, 900);
    expect(await redis.zcard(`${prefix}{security}:~index`)).toBe(3);
    expect(await security.increment('fail:5', 900)).toBe(2);
    const anonymous = spaces.space('anonymous');
    await anonymous.set('once', 'v', 60);
    expect(await anonymous.take('once')).toBe('v');
    expect(await anonymous.take('once')).toBeUndefined();
    expect(
      await redis.zscore(`${prefix}{anonymous}:~index`, `${prefix}{anonymous}:once`),
    ).toBeNull();
  });
});
