import type Redis from 'ioredis';
import { DueSchedule, SCHEDULE_CAP, type ScheduleName } from './due-schedule';

/** Takes the ids due by ARGV[1] (at most ARGV[2]) off the sorted set in one atomic step. */
const TAKE_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
if #ids > 0 then redis.call('ZREM', KEYS[1], unpack(ids)) end
return ids`;

/**
 * A {@link DueSchedule} in Redis: one sorted set scored by due time (`{prefix}~due:{name}`), shared
 * by every instance and kept across restarts. Taking is a script, so two instances sweeping at
 * once never both get an id; beyond the cap the ids due soonest are dropped.
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
    const [, count] = await Promise.all([
      this.redis.zadd(this.key, dueAtMs, id),
      this.redis.zcard(this.key),
    ]);
    if (count > this.cap) await this.redis.zpopmin(this.key, count - this.cap);
  }

  async forget(id: string): Promise<void> {
    await this.redis.zrem(this.key, id);
  }

  async takeDue(nowMs: number, limit: number): Promise<string[]> {
    const ids = await this.redis.eval(TAKE_DUE, 1, this.key, String(nowMs), String(limit));
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }
}
