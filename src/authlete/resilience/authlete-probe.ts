import { Injectable } from '@nestjs/common';
import { AuthleteTransport } from '../authlete-transport';
import { callOf } from '../call-of';

/**
 * A cheap liveness check of the Authlete API for readiness probes: one `GET /service/configuration`
 * through the breaker, never retried, cut after `timeoutMs`. It fails at once while that API's
 * breaker is open.
 */
@Injectable()
export class AuthleteProbe {
  constructor(private readonly transport: AuthleteTransport) {}

  /** Resolves when Authlete answered 2xx; throws `AuthleteApiError` otherwise. */
  async check(timeoutMs: number): Promise<void> {
    await this.transport.send(callOf('serviceConfiguration', {}), {
      retry: false,
      deadlineMs: timeoutMs,
    });
  }
}
