import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { OpsRedis } from '../redis/ops-redis';

/** Readiness of Redis when `REDIS_URL` is configured: a `PING` answered with `PONG`. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly redis: OpsRedis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** True when Redis is configured and therefore checked. */
  get enabled(): boolean {
    return this.redis.client !== undefined;
  }

  async check(): Promise<HealthIndicatorResult<'redis'>> {
    const indicator = this.indicators.check('redis');
    try {
      const answer = await this.redis.client?.ping();
      return answer === 'PONG' ? indicator.up() : indicator.down({ reason: 'no PONG' });
    } catch {
      return indicator.down({ reason: 'unreachable' });
    }
  }
}
