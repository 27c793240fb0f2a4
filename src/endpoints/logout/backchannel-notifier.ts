import { Inject, Injectable } from '@nestjs/common';
import { logoutConfig, type LogoutConfig } from '../../config/logout.config';
import { type DeliveryOutcome, OutboundDelivery } from '../../http/outbound-delivery';

export type { DeliveryOutcome } from '../../http/outbound-delivery';

const RETRY_DELAY_MS = 200;

/**
 * Sends Back-Channel Logout requests (OpenID Connect Back-Channel Logout 1.0 §2.5): a form POST of
 * `logout_token` to the relying party's `backchannel_logout_uri`, no redirects followed (§2.5), a
 * bounded number of attempts: a network error or a 5xx is retried, a 4xx (the RP refused the
 * token, §2.8) never ({@link OutboundDelivery}: SSRF guard, nothing secret logged).
 */
@Injectable()
export class BackchannelNotifier {
  constructor(
    private readonly delivery: OutboundDelivery,
    @Inject(logoutConfig.KEY) private readonly config: LogoutConfig,
  ) {}

  deliver(uri: string, logoutToken: string, clientId: string): Promise<DeliveryOutcome> {
    return this.delivery.deliver({
      url: uri,
      body: new URLSearchParams({ logout_token: logoutToken }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      timeoutMs: this.config.timeoutMs,
      attempts: this.config.attempts,
      backoffMs: (attempt) => RETRY_DELAY_MS * attempt,
      label: `back-channel logout to client ${clientId}`,
    });
  }
}
