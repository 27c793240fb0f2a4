import type { ThrottlerStorage } from '@nestjs/throttler';
import type { BlockReader } from './block-reader';
import { keyDigest as digest } from './key-digest';

/** Limits of {@link ClientQuota} (`THROTTLE_*`). */
export interface ClientQuotaLimits {
  ttlMs: number;
  /** Answered requests per window per client (`THROTTLE_LIMIT_PER_CLIENT`). */
  perClient: number;
  /** Refused requests per window per client id and IP (`THROTTLE_CLIENT_FAILURES_PER_IP`). */
  failuresPerClientIp: number;
}

/** Why a request is refused before it reaches Authlete, and for how long. */
export interface ClientRefusal {
  /** `client`: the client used its quota; `client-ip-failures`: too many failures from this IP. */
  scope: 'client' | 'client-ip-failures';
  retryAfterSeconds: number;
}

/**
 * Per-client limits that only an authenticated client can use up. A request names a client before
 * anyone knows it is that client, so counting the claimed id would let anyone throttle any client
 * (send wrong secrets in its name). Instead each request is counted once its answer is known:
 * an answer below 400 (the client authenticated and Authlete accepted the request) counts against
 * the client; a 4xx (wrong secret, unknown client, bad request) counts against the pair (client id,
 * IP). Both are checked before the next request. So a flood of failures in a client's name from
 * one address blocks that address for that client only, and the real client, elsewhere, goes on.
 * 5xx answers (Authlete down) count against nobody.
 */
export class ClientQuota {
  constructor(
    private readonly storage: ThrottlerStorage & BlockReader,
    private readonly limits: ClientQuotaLimits,
  ) {}

  /** The refusal in force for `clientId` at `ip` on the route class `route`, if any. */
  async refusal(route: string, clientId: string, ip: string): Promise<ClientRefusal | undefined> {
    const [failures, client] = await Promise.all([
      this.storage.blockedFor(this.failureKey(route, clientId, ip)),
      this.storage.blockedFor(this.clientKey(route, clientId)),
    ]);
    if (failures > 0) return { scope: 'client-ip-failures', retryAfterSeconds: failures };
    if (client > 0) return { scope: 'client', retryAfterSeconds: client };
    return undefined;
  }

  /** Counts an answered request by its HTTP status (see the class comment). */
  async record(route: string, clientId: string, ip: string, status: number): Promise<void> {
    const { ttlMs, perClient, failuresPerClientIp } = this.limits;
    // The storage blocks once hits exceed its limit; with limit - 1 the block starts right after
    // the limit-th counted request, so exactly `limit` pass per window.
    if (status < 400) {
      const key = this.clientKey(route, clientId);
      await this.storage.increment(key, ttlMs, perClient - 1, ttlMs, 'client');
    } else if (status < 500) {
      const key = this.failureKey(route, clientId, ip);
      await this.storage.increment(
        key,
        ttlMs,
        failuresPerClientIp - 1,
        ttlMs,
        'client-ip-failures',
      );
    }
  }

  private clientKey(route: string, clientId: string): string {
    return `${route}:client:${digest(clientId)}`;
  }

  private failureKey(route: string, clientId: string, ip: string): string {
    return `${route}:client-ip-failures:${digest(`${clientId}\n${ip}`)}`;
  }
}
