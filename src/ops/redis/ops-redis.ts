import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { appConfig, type AppConfig } from '../../config/app.config';

/**
 * The operations module's Redis connection (rate-limit counters, readiness), opened only when
 * `REDIS_URL` is set and closed on shutdown. Commands fail fast instead of queueing for ever, so a
 * Redis outage degrades rate limiting instead of hanging requests.
 */
@Injectable()
export class OpsRedis implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  /** The client, or undefined when `REDIS_URL` is unset. */
  readonly client?: Redis;

  constructor(@Inject(appConfig.KEY) config: AppConfig) {
    if (config.redisUrl === undefined) return;
    this.client = new Redis(config.redisUrl, {
      maxRetriesPerRequest: 1,
      // While disconnected, commands fail at once instead of waiting in a queue.
      enableOfflineQueue: false,
      commandTimeout: 1000,
      connectTimeout: 2000,
    });
    this.client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
