import Redis from 'ioredis';
import { describeRateLimits } from '../../e2e/ops/rate-limit-cases';
import { startTestApp } from '../../support/test-app';
import { RATE_LIMIT_KEY_PREFIX } from '../../../src/ops/rate-limit/redis-throttler.storage';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Counters of an earlier run (same client names, same addresses) would still be counting. */
beforeAll(async () => {
  const redis = new Redis(REDIS_URL);
  try {
    const stale = await redis.keys(`${RATE_LIMIT_KEY_PREFIX}*`);
    if (stale.length > 0) await redis.del(...stale);
  } finally {
    redis.disconnect();
  }
});

describeRateLimits('redis', () => ({ REDIS_URL }));

describe('rate-limit counters live in Redis', () => {
  it('writes expiring keys under the rate-limit prefix, shared by every instance', async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${RATE_LIMIT_KEY_PREFIX}*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys.slice(0, 20)) {
        const ttl = await redis.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(60000);
      }
    } finally {
      redis.disconnect();
    }
  });
});

describe('readiness with Redis configured', () => {
  it('checks Redis with PING', async () => {
    const app = await startTestApp({ REDIS_URL });
    try {
      const res = await fetch(`${app.url}/health/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ info: { redis: { status: 'up' } } });
    } finally {
      await app.close();
    }
  });
});
