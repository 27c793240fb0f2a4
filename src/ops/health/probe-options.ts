import type { OpsConfig } from '../../config/ops.config';
import type { CachedProbeOptions } from './cached-probe';

/** Longest a readiness request waits for a refresh it started before answering from the cache. */
const READ_WAIT_MS = 250;

/** The same before the first result exists; still well under the one second a probe may take. */
const FIRST_READ_WAIT_MS = 800;

/** {@link CachedProbeOptions} from `HEALTH_AUTHLETE_CACHE_MS` and `HEALTH_PROBE_TIMEOUT_MS`. */
export function probeOptions(config: OpsConfig): CachedProbeOptions {
  return {
    cacheMs: config.health.cacheMs,
    timeoutMs: config.health.probeTimeoutMs,
    waitMs: Math.min(READ_WAIT_MS, config.health.probeTimeoutMs),
    firstWaitMs: Math.min(FIRST_READ_WAIT_MS, config.health.probeTimeoutMs),
  };
}
