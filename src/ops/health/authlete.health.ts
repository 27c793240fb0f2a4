import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { AuthleteApiError } from '../../authlete/authlete-api.error';
import { AuthleteProbe } from '../../authlete/resilience/authlete-probe';
import { opsConfig, type OpsConfig } from '../../config/ops.config';

/**
 * Readiness of the Authlete dependency: a cheap `/service/configuration` call, never retried and
 * refused at once while that API's breaker is open. A result is reused for
 * `HEALTH_AUTHLETE_CACHE_MS`, so frequent probes do not add load on Authlete.
 */
@Injectable()
export class AuthleteHealthIndicator {
  private last?: { at: number; failure?: string };

  constructor(
    private readonly probe: AuthleteProbe,
    private readonly indicators: HealthIndicatorService,
    @Inject(opsConfig.KEY) private readonly config: OpsConfig,
  ) {}

  async check(): Promise<HealthIndicatorResult<'authlete'>> {
    const indicator = this.indicators.check('authlete');
    const now = Date.now();
    if (!this.last || now - this.last.at >= this.config.healthCacheMs) {
      this.last = { at: now, failure: await this.failureOf() };
    }
    const { failure } = this.last;
    return failure === undefined ? indicator.up() : indicator.down({ reason: failure });
  }

  private async failureOf(): Promise<string | undefined> {
    try {
      await this.probe.check();
      return undefined;
    } catch (error) {
      if (!(error instanceof AuthleteApiError)) return 'error';
      return error.kind === 'http' ? `http_${error.status}` : error.kind;
    }
  }
}
