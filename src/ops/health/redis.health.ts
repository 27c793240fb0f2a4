import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { opsConfig, type OpsConfig } from '../../config/ops.config';
import { OpsRedis } from '../redis/ops-redis';
import { CachedProbe } from './cached-probe';
import { probeOptions } from './probe-options';

/**
 * Readiness of Redis when `REDIS_URL` is configured: a `PING` answered with `PONG`, read from a
 * {@link CachedProbe} like Authlete's, so a stalled Redis cannot stall the probe either.
 */
@Injectable()
export class RedisHealthIndicator {
  private readonly cached: CachedProbe;

  constructor(
    private readonly redis: OpsRedis,
    private readonly indicators: HealthIndicatorService,
    @Inject(opsConfig.KEY) config: OpsConfig,
  ) {
    this.cached = new CachedProbe(() => this.ping(), probeOptions(config));
  }

  /** True when Redis is configured and therefore checked. */
  get enabled(): boolean {
    return this.redis.client !== undefined;
  }

  async check(): Promise<HealthIndicatorResult<'redis'>> {
    const indicator = this.indicators.check('redis');
    const { failure } = await this.cached.read();
    return failure === undefined ? indicator.up() : indicator.down({ reason: failure });
  }

  private async ping(): Promise<string | undefined> {
    try {
      const answer = await this.redis.client?.ping();
      return answer === 'PONG' ? undefined : 'no PONG';
    } catch {
      return 'unreachable';
    }
  }
}
