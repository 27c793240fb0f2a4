import { HttpService } from '@nestjs/axios';
import { Injectable, Logger } from '@nestjs/common';
import { isAxiosError } from 'axios';
import { OUTBOUND_REFUSED, OutboundUrlGuard } from './outbound-url-guard';

/** How one delivery ended (`refused`: the SSRF guard did not let the call out). */
export type DeliveryOutcome = 'delivered' | 'rejected' | 'failed' | 'refused';

/** One POST to a party's endpoint (a relying party, a partner). */
export interface DeliveryRequest {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Deadline of each attempt. */
  readonly timeoutMs: number;
  /** Attempts at most, the first included. */
  readonly attempts: number;
  /** The wait after failed attempt `attempt` (1-based) before the next one. */
  readonly backoffMs: (attempt: number) => number;
  /** What the logs call the delivery, e.g. `CIBA notification to client 42`; never a secret. */
  readonly label: string;
}

function refusedByGuard(error: unknown): boolean {
  return isAxiosError(error) && error.code === OUTBOUND_REFUSED;
}

/** A network error, a timeout or a 5xx may pass on a retry; a 4xx or a guard refusal never. */
function retryable(error: unknown): boolean {
  if (!isAxiosError(error) || refusedByGuard(error)) return false;
  const status = error.response?.status;
  return status === undefined || status >= 500;
}

/**
 * Delivers a POST to a URL a client registered (CIBA notifications, back-channel logout tokens)
 * through @nestjs/axios: a deadline per attempt, no redirect followed, TLS verified (axios'
 * default), bounded retries with the caller's back-off, and the URL and the address actually
 * connected to checked by the {@link OutboundUrlGuard} (SSRF). Logs carry the label and the
 * outcome, never the body or the headers (they may hold tokens).
 */
@Injectable()
export class OutboundDelivery {
  private readonly logger = new Logger(OutboundDelivery.name);

  constructor(
    private readonly http: HttpService,
    private readonly guard: OutboundUrlGuard,
  ) {}

  async deliver(request: DeliveryRequest): Promise<DeliveryOutcome> {
    const refusal = this.guard.refusal(request.url);
    if (refusal !== undefined) {
      this.logger.warn(`${request.label} not sent: the endpoint ${refusal}`);
      return 'refused';
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.http.axiosRef.post(request.url, request.body, {
          headers: { ...request.headers },
          timeout: request.timeoutMs,
          signal: AbortSignal.timeout(request.timeoutMs),
          maxRedirects: 0,
          lookup: this.guard.lookup,
          validateStatus: (status) => status >= 200 && status < 300,
        });
        return 'delivered';
      } catch (error) {
        if (!retryable(error) || attempt >= request.attempts) {
          const status = isAxiosError(error) ? (error.response?.status ?? error.code) : 'error';
          this.logger.warn(
            `${request.label} failed after ${attempt} attempt(s) (${String(status)})`,
          );
          if (refusedByGuard(error)) return 'refused';
          return isAxiosError(error) && error.response !== undefined ? 'rejected' : 'failed';
        }
        await new Promise((resolve) => setTimeout(resolve, request.backoffMs(attempt)));
      }
    }
  }
}
