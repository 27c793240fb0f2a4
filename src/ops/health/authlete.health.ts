import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { AuthleteApiError } from '../../authlete/authlete-api.error';
import { AuthleteProbe } from '../../authlete/resilience/authlete-probe';
import { opsConfig, type OpsConfig } from '../../config/ops.config';
import { CachedProbe } from './cached-probe';
import { probeOptions } from './probe-options';

/**
 * Readiness of the Authlete dependency: a cheap `/service/configuration` call, never retried,
 * refused at once while that API's breaker is open, and bounded by `HEALTH_PROBE_TIMEOUT_MS`.
 * Probes read the cached result ({@link CachedProbe}), refreshed at most once per
 * `HEALTH_AUTHLETE_CACHE_MS`, so a hanging Authlete never makes `/health/ready` slow.
 */
@Injectable()
export class AuthleteHealthIndicator {
  private readonly cached: CachedProbe;

  constructor(
    probe: AuthleteProbe,
    private readonly indicators: HealthIndicatorService,
    @Inject(opsConfig.KEY) config: OpsConfig,
  ) {
    const timeoutMs = config.health.probeTimeoutMs;
    this.cached = new CachedProbe(() => failureOf(probe, timeoutMs), probeOptions(config));
  }

  async check(): Promise<HealthIndicatorResult<'authlete'>> {
    const indicator = this.indicators.check('authlete');
    const { failure } = await this.cached.read();
    return failure === undefined ? indicator.up() : indicator.down({ reason: failure });
  }
}

async function failureOf(probe: AuthleteProbe, timeoutMs: number): Promise<string | undefined> {
  try {
    await probe.check(timeoutMs);
    return undefined;
  } catch (error) {
    if (!(error instanceof AuthleteApiError)) return 'error';
    return error.kind === 'http' ? `http_${error.status}` : error.kind;
  }
}
