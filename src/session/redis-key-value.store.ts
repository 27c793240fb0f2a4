import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { StoreErrorReporter } from '../shared/observability-ports';
import { KeyValueStore } from './key-value.store';

/** INCR that starts the expiry window on the first increment, atomically (works on Redis ≥ 2.6). */
const INCREMENT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * {@link KeyValueStore} on Redis (ioredis), shared by every instance that uses the same
 * `REDIS_URL` and key prefix. `take` is GETDEL (Redis ≥ 6.2), so a single-use record is handed to
 * exactly one caller even across instances.
 */
export class RedisKeyValueStore extends KeyValueStore implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    url: string,
    keyPrefix: string,
    private readonly errors?: StoreErrorReporter,
  ) {
    super();
    this.redis = new Redis(url, { keyPrefix, lazyConnect: false, maxRetriesPerRequest: 2 });
    // Logged without the URL, which may carry a password; failed calls surface as 500s.
    const logger = new Logger(RedisKeyValueStore.name);
    this.redis.on('error', (error: Error) => logger.warn(`Redis: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
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
    return (await this.counted('get', () => this.redis.get(key))) ?? undefined;
  }

  override async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(ttlSeconds));
    await this.counted('set', () => this.redis.set(key, value, 'EX', ttl));
  }

  override async take(key: string): Promise<string | undefined> {
    return (await this.counted('take', () => this.redis.getdel(key))) ?? undefined;
  }

  override async delete(key: string): Promise<void> {
    await this.counted('delete', () => this.redis.del(key));
  }

  override async increment(key: string, ttlSeconds: number): Promise<number> {
    const ttl = String(Math.ceil(ttlSeconds));
    const count = await this.counted('increment', () =>
      this.redis.eval(INCREMENT_SCRIPT, 1, key, ttl),
    );
    return Number(count);
  }
}
