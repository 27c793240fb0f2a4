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

  /** The counter keys of one request on the route class `route`: built once, for its check and its count. */
  ticket(route: string, clientId: string, ip: string): QuotaTicket {
    return {
      clientKey: `${route}:client:${digest(clientId)}`,
      failureKey: `${route}:client-ip-failures:${digest(`${clientId}\n${ip}`)}`,
    };
  }

  /**
   * The refusal in force for the ticket's client and IP, if any: at once from an in-process
   * storage, else as a promise (both counters read together).
   */
  refusal(ticket: QuotaTicket): ClientRefusal | undefined | Promise<ClientRefusal | undefined> {
    const storage = this.storage;
    if (storage.blockedForNow !== undefined) {
      return refusalOf(
        storage.blockedForNow(ticket.failureKey),
        storage.blockedForNow(ticket.clientKey),
      );
    }
    return Promise.all([
      storage.blockedFor(ticket.failureKey),
      storage.blockedFor(ticket.clientKey),
    ]).then(([failures, client]) => refusalOf(failures, client));
  }

  /** Counts an answered request by its HTTP status (see the class comment). */
  async record(ticket: QuotaTicket, status: number): Promise<void> {
    const { ttlMs, perClient, failuresPerClientIp } = this.limits;
    // The storage blocks once hits exceed its limit; with limit - 1 the block starts right after
    // the limit-th counted request, so exactly `limit` pass per window.
    if (status < 400) {
      await this.storage.increment(ticket.clientKey, ttlMs, perClient - 1, ttlMs, 'client');
    } else if (status < 500) {
      await this.storage.increment(
        ticket.failureKey,
        ttlMs,
        failuresPerClientIp - 1,
        ttlMs,
        'client-ip-failures',
      );
    }
  }
}

/** The counter keys of one request (digests: no raw client id or IP in the storage). */
export interface QuotaTicket {
  readonly clientKey: string;
  readonly failureKey: string;
}

function refusalOf(failures: number, client: number): ClientRefusal | undefined {
  if (failures > 0) return { scope: 'client-ip-failures', retryAfterSeconds: failures };
  if (client > 0) return { scope: 'client', retryAfterSeconds: client };
  return undefined;
}
