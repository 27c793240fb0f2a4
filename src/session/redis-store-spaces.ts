import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { StoreErrorReporter } from '../common/observability-ports';
import type { DueSchedule, ScheduleName } from './due-schedule';
import type { KeyValueStore } from './key-value.store';
import { RedisDueSchedule } from './redis-due-schedule';
import { RedisKeyValueStore } from './redis-key-value.store';
import { STORE_SPACE_CAPS, StoreSpaces, type StoreSpace } from './store-spaces';

/**
 * {@link StoreSpaces} on one Redis connection (ioredis): one capped key space per space name, and
 * the schedules as sorted sets.
 */
export class RedisStoreSpaces extends StoreSpaces implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly stores = new Map<StoreSpace, RedisKeyValueStore>();

  constructor(
    url: string,
    private readonly keyPrefix: string,
    private readonly errors?: StoreErrorReporter,
    private readonly caps: Readonly<Record<StoreSpace, number>> = STORE_SPACE_CAPS,
  ) {
    super();
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    // Logged without the URL, which may carry a password; failed calls surface as 500s.
    const logger = new Logger('RedisStore');
    this.redis.on('error', (error: Error) => logger.warn(`Redis: ${error.message}`));
  }

  override space(name: StoreSpace): KeyValueStore {
    let store = this.stores.get(name);
    if (store === undefined) {
      store = new RedisKeyValueStore(
        this.redis,
        this.keyPrefix,
        name,
        this.caps[name],
        this.errors,
      );
      this.stores.set(name, store);
    }
    return store;
  }

  /** Schedules live in Redis too: shared by every instance and kept across restarts. */
  protected override createSchedule(name: ScheduleName): DueSchedule {
    return new RedisDueSchedule(this.redis, this.keyPrefix, name);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
