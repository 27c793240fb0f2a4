import type Redis from 'ioredis';
import type { StoreErrorReporter } from '../common/observability-ports';
import { KeyValueStore } from './key-value.store';

/**
 * Writes a key and enters it in its space's index (a sorted set scored by write time), then evicts
 * the oldest keys while the space is over its cap, as the in-memory store does. Index entries of
 * keys that expired on their own leave with the oldest. KEYS: the key, the index. ARGV: value,
 * TTL seconds, now (ms), cap.
 */
const SET_SCRIPT = `redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), KEYS[1])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if excess > 0 then
  local victims = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #victims, 2 do redis.call('DEL', victims[i]) end
end
return 1`;

/** INCR whose first increment starts the window, indexed and capped like {@link SET_SCRIPT}. */
const INCREMENT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), KEYS[1])
  local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
  if excess > 0 then
    local victims = redis.call('ZPOPMIN', KEYS[2], excess)
    for i = 1, #victims, 2 do
      if victims[i] ~= KEYS[1] then redis.call('DEL', victims[i]) end
    end
  end
end
return n`;

/** GETDEL that also leaves the index (Redis ≥ 6.2). */
const TAKE_SCRIPT = `local value = redis.call('GETDEL', KEYS[1])
redis.call('ZREM', KEYS[2], KEYS[1])
return value`;

/** DEL that also leaves the index. */
const DELETE_SCRIPT = `redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], KEYS[1])
return 1`;

/**
 * One space of the session state on Redis (ioredis), shared by every instance that uses the same
 * `REDIS_URL` and key prefix. Keys are `<prefix>{<space>}:<key>`; the hash tag keeps a space and its
 * index in one Redis Cluster slot. Every key has a TTL and the space holds at most `cap` keys, so a
 * flood cannot grow Redis without bound. `take` is atomic (GETDEL), so a single-use record is
 * handed to exactly one caller even across instances.
 */
export class RedisKeyValueStore extends KeyValueStore {
  private readonly prefix: string;
  private readonly index: string;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    space: string,
    private readonly cap: number,
    private readonly errors?: StoreErrorReporter,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.prefix = `${keyPrefix}{${space}}:`;
    this.index = `${this.prefix}~index`;
  }

  private sequence = 0;

  /**
   * The index score of a write: its time in ms plus a per-instance sequence in the thousandths, so
   * writes within one millisecond still leave in the order they were made (a tie would be broken
   * by the key's spelling).
   */
  private score(): string {
    this.sequence = (this.sequence + 1) % 1000;
    return (this.now() + this.sequence / 1000).toFixed(3);
  }

  /** Runs one Redis operation, counting a failure before it propagates (500 to the client). */
  private async counted<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.errors?.error('session', operation);
      throw error;
    }
  }

  override async get(key: string): Promise<string | undefined> {
    return (await this.counted('get', () => this.redis.get(this.prefix + key))) ?? undefined;
  }

  override async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    const ttl = String(Math.max(1, Math.ceil(ttlSeconds)));
    await this.counted('set', () =>
      this.redis.eval(
        SET_SCRIPT,
        2,
        this.prefix + key,
        this.index,
        value,
        ttl,
        this.score(),
        String(this.cap),
      ),
    );
  }

  override async take(key: string): Promise<string | undefined> {
    const value = await this.counted('take', () =>
      this.redis.eval(TAKE_SCRIPT, 2, this.prefix + key, this.index),
    );
    return typeof value === 'string' ? value : undefined;
  }

  override async delete(key: string): Promise<void> {
    await this.counted('delete', () =>
      this.redis.eval(DELETE_SCRIPT, 2, this.prefix + key, this.index),
    );
  }

  override async increment(key: string, ttlSeconds: number): Promise<number> {
    const ttl = String(Math.max(1, Math.ceil(ttlSeconds)));
    const count = await this.counted('increment', () =>
      this.redis.eval(
        INCREMENT_SCRIPT,
        2,
        this.prefix + key,
        this.index,
        ttl,
        this.score(),
        String(this.cap),
      ),
    );
    return Number(count);
  }
}
