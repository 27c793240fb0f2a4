import type Redis from 'ioredis';
import { DueSchedule, SCHEDULE_CAP, type ScheduleName } from './due-schedule';

/** How long the sorted set outlives its latest due id (an abandoned prefix leaves nothing behind). */
const KEEP_PAST_DUE_MS = 24 * 3600 * 1000;

/**
 * Puts ARGV[2] on the sorted set due at ARGV[1], drops the soonest beyond the cap ARGV[3], and
 * lets the set expire ARGV[4] ms after its latest due id: one atomic step.
 */
const WATCH = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
if over > 0 then redis.call('ZPOPMIN', KEYS[1], over) end
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if latest[2] then redis.call('PEXPIREAT', KEYS[1], math.floor(tonumber(latest[2])) + tonumber(ARGV[4])) end
return 1`;

/** Takes the ids due by ARGV[1] (at most ARGV[2]) off the sorted set in one atomic step. */
const TAKE_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
if #ids > 0 then redis.call('ZREM', KEYS[1], unpack(ids)) end
return ids`;

/**
 * A {@link DueSchedule} in Redis: one sorted set scored by due time (`{prefix}~due:{name}`), shared
 * by every instance and kept across restarts. Taking is a script, so two instances sweeping at
 * once never both get an id; beyond the cap the ids due soonest are dropped, and the set expires
 * a day after its latest due id.
 */
export class RedisDueSchedule extends DueSchedule {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    name: ScheduleName,
    private readonly cap: number = SCHEDULE_CAP,
  ) {
    super();
    this.key = `${keyPrefix}~due:${name}`;
  }

  async watch(id: string, dueAtMs: number): Promise<void> {
    const args = [String(dueAtMs), id, String(this.cap), String(KEEP_PAST_DUE_MS)];
    await this.redis.eval(WATCH, 1, this.key, ...args);
  }

  async forget(id: string): Promise<void> {
    await this.redis.zrem(this.key, id);
  }

  async takeDue(nowMs: number, limit: number): Promise<string[]> {
    const ids = await this.redis.eval(TAKE_DUE, 1, this.key, String(nowMs), String(limit));
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }
}
