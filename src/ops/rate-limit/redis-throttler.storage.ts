import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import type { StoreMetrics } from '../metrics/store-metrics';
import type { BlockReader } from './block-reader';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Fixed-window counter with a block key, in one atomic Lua script. Returns
 * `{hits, msToExpire, blocked, msToBlockExpire}`.
 */
const INCREMENT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return {hits, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockTtl}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, ttl, 1, tonumber(ARGV[3])}
end
return {hits, ttl, 0, 0}
`;

/** Prefix of every rate-limit key in Redis. */
export const RATE_LIMIT_KEY_PREFIX = 'oauth:ratelimit:';

const ALLOW: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};

/**
 * @nestjs/throttler storage in Redis, so every instance behind a load balancer shares the same
 * counters (design.md §1, "Scaling out"). Keys expire with their window. When Redis fails the
 * request is let through (fail open: a Redis outage must not take the authorization server down),
 * and the failure is logged and counted in `store_errors_total{store="rate-limit"}`.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, BlockReader {
  private readonly logger = new Logger('RateLimit');

  constructor(
    private readonly redis: Redis,
    private readonly metrics: StoreMetrics,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number) {
    try {
      return await this.incrementInRedis(key, ttl, limit, blockDuration);
    } catch (error) {
      this.metrics.error('rate-limit', 'increment');
      this.logger.warn(`rate-limit store failed, request allowed: ${(error as Error).message}`);
      return ALLOW;
    }
  }

  /** Seconds until `key`'s block ends; 0 when not blocked, or when Redis fails (fail open). */
  async blockedFor(key: string): Promise<number> {
    try {
      const ms = await this.redis.pttl(`${RATE_LIMIT_KEY_PREFIX}${key}:blocked`);
      return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
    } catch (error) {
      this.metrics.error('rate-limit', 'read');
      this.logger.warn(`rate-limit store failed, request allowed: ${(error as Error).message}`);
      return 0;
    }
  }

  private async incrementInRedis(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    const counter = `${RATE_LIMIT_KEY_PREFIX}${key}`;
    const answer = (await this.redis.eval(
      INCREMENT,
      2,
      counter,
      `${counter}:blocked`,
      String(ttl),
      String(limit),
      String(blockDuration),
    )) as [number, number, number, number];
    const [hits, msToExpire, blocked, msToBlockExpire] = answer;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(msToExpire / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(msToBlockExpire / 1000),
    };
  }
}
