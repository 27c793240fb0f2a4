import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isAxiosError } from 'axios';
import { logoutConfig, type LogoutConfig } from '../../config/logout.config';
import { OUTBOUND_REFUSED, OutboundUrlGuard } from '../../http/outbound-url-guard';

/** How one delivery ended (`refused`: the SSRF guard did not let the call out). */
export type DeliveryOutcome = 'delivered' | 'rejected' | 'failed' | 'refused';

const RETRY_DELAY_MS = 200;

function refusedByGuard(error: unknown): boolean {
  return isAxiosError(error) && error.code === OUTBOUND_REFUSED;
}

function retryable(error: unknown): boolean {
  if (!isAxiosError(error) || refusedByGuard(error)) return false;
  const status = error.response?.status;
  return status === undefined || status >= 500;
}

/**
 * Sends Back-Channel Logout requests (OpenID Connect Back-Channel Logout 1.0 §2.5): a form POST of
 * `logout_token` to the relying party's `backchannel_logout_uri` through @nestjs/axios, with a
 * timeout per request, no redirects followed (§2.5), and a bounded number of attempts: a network
 * error or a 5xx is retried, a 4xx (the RP refused the token, §2.8) never. The URI and the address
 * actually connected to pass the {@link OutboundUrlGuard} (SSRF), else nothing is sent.
 */
@Injectable()
export class BackchannelNotifier {
  private readonly logger = new Logger(BackchannelNotifier.name);

  constructor(
    private readonly http: HttpService,
    private readonly guard: OutboundUrlGuard,
    @Inject(logoutConfig.KEY) private readonly config: LogoutConfig,
  ) {}

  async deliver(uri: string, logoutToken: string, clientId: string): Promise<DeliveryOutcome> {
    const refusal = this.guard.refusal(uri);
    if (refusal !== undefined) {
      this.logger.warn(`back-channel logout to client ${clientId} not sent: the URI ${refusal}`);
      return 'refused';
    }
    const body = new URLSearchParams({ logout_token: logoutToken }).toString();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.http.axiosRef.post(uri, body, {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          timeout: this.config.timeoutMs,
          signal: AbortSignal.timeout(this.config.timeoutMs),
          maxRedirects: 0,
          lookup: this.guard.lookup,
          validateStatus: (status) => status >= 200 && status < 300,
        });
        return 'delivered';
      } catch (error) {
        const again = retryable(error) && attempt < this.config.attempts;
        if (!again) {
          const status = isAxiosError(error) ? (error.response?.status ?? error.code) : 'error';
          this.logger.warn(`back-channel logout to client ${clientId} failed (${String(status)})`);
          if (refusedByGuard(error)) return 'refused';
          return isAxiosError(error) && error.response !== undefined ? 'rejected' : 'failed';
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
      }
    }
  }
}
