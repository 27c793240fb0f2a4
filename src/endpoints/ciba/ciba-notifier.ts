import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isAxiosError } from 'axios';
import { cibaConfig, type CibaConfig } from '../../config/ciba.config';
import { OUTBOUND_REFUSED, OutboundUrlGuard } from '../../http/outbound-url-guard';

/** How one notification ended. */
export type NotificationOutcome = 'delivered' | 'rejected' | 'failed' | 'refused';

function retryable(error: unknown): boolean {
  if (!isAxiosError(error) || error.code === OUTBOUND_REFUSED) return false;
  const status = error.response?.status;
  return status === undefined || status >= 500;
}

/**
 * Sends CIBA ping and push notifications (OpenID Connect CIBA Core §10.2, §10.3): a JSON POST to
 * the client's `client_notification_endpoint` with `Authorization: Bearer
 * <client_notification_token>`, through @nestjs/axios with a timeout per attempt, no redirects
 * followed, TLS verified (axios' default), and at most `CIBA_NOTIFICATION_ATTEMPTS` attempts with
 * doubling back-off: a network error, timeout or 5xx is retried, a 4xx never. The URL and the
 * address connected to pass the {@link OutboundUrlGuard} (SSRF). Logs name the client and the
 * outcome, never the token or the body (which may carry tokens in push mode).
 */
@Injectable()
export class CibaNotifier {
  private readonly logger = new Logger(CibaNotifier.name);

  constructor(
    private readonly http: HttpService,
    private readonly guard: OutboundUrlGuard,
    @Inject(cibaConfig.KEY) private readonly config: CibaConfig,
  ) {}

  async notify(
    endpoint: string,
    token: string,
    body: string,
    clientId: string,
  ): Promise<NotificationOutcome> {
    const refusal = this.guard.refusal(endpoint);
    if (refusal !== undefined) {
      this.logger.warn(`CIBA notification to client ${clientId} not sent: the endpoint ${refusal}`);
      return 'refused';
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.http.axiosRef.post(endpoint, body, {
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          timeout: this.config.timeoutMs,
          signal: AbortSignal.timeout(this.config.timeoutMs),
          maxRedirects: 0,
          lookup: this.guard.lookup,
          validateStatus: (status) => status >= 200 && status < 300,
        });
        return 'delivered';
      } catch (error) {
        if (!retryable(error) || attempt >= this.config.attempts) {
          const status = isAxiosError(error) ? (error.response?.status ?? error.code) : 'error';
          this.logger.warn(
            `CIBA notification to client ${clientId} failed after ${attempt} attempt(s) (${String(status)})`,
          );
          if (isAxiosError(error) && error.code === OUTBOUND_REFUSED) return 'refused';
          return isAxiosError(error) && error.response !== undefined ? 'rejected' : 'failed';
        }
        await new Promise((resolve) =>
          setTimeout(resolve, this.config.backoffMs * 2 ** (attempt - 1)),
        );
      }
    }
  }
}
