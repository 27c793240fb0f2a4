import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { DirectResponse } from '../../http/direct-response';
import { CONTENT_TYPE } from '../../http/response-headers';
import { UnavailableAs503 } from '../../http/route-policy/unavailable-as-503.decorator';
import { NoAccessLog } from '../../ops/logging/no-access-log.decorator';
import { AuthleteHealthIndicator } from '../../ops/health/authlete.health';
import { ReadinessState } from '../../ops/health/readiness-state';
import { RedisHealthIndicator } from '../../ops/health/redis.health';

const headers = { 'content-type': CONTENT_TYPE.json, 'cache-control': 'no-store' };

/**
 * Kubernetes-style probes (terminus): `/health/live` says the process serves requests;
 * `/health/ready` says it should get traffic — not shutting down, Authlete answering, and Redis
 * answering when configured. Both answer terminus' JSON, 200 when up and 503 when down.
 */
@Controller('health')
@UnavailableAs503()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessState,
    private readonly authlete: AuthleteHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @NoAccessLog()
  live(): Promise<DirectResponse> {
    return this.run([() => this.indicators.check('process').up({ pid: process.pid })]);
  }

  @Get('ready')
  @NoAccessLog()
  ready(): Promise<DirectResponse> {
    const checks: HealthIndicatorFunction[] = [
      () => {
        const indicator = this.indicators.check('lifecycle');
        return this.readiness.draining
          ? indicator.down({ reason: 'shutting down' })
          : indicator.up();
      },
      () => this.authlete.check(),
    ];
    if (this.redis.enabled) checks.push(() => this.redis.check());
    return this.run(checks);
  }

  private async run(checks: HealthIndicatorFunction[]): Promise<DirectResponse> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      return new DirectResponse(503, headers, JSON.stringify(error.getResponse()));
    }
    return new DirectResponse(200, headers, JSON.stringify(result));
  }
}
