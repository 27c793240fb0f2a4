import { Inject, Injectable } from '@nestjs/common';
import { cibaConfig, type CibaConfig } from '../../config/ciba.config';
import { type DeliveryOutcome, OutboundDelivery } from '../../http/outbound-delivery';

/** How one notification ended. */
export type NotificationOutcome = DeliveryOutcome;

/**
 * Sends CIBA ping and push notifications (OpenID Connect CIBA Core §10.2, §10.3): a JSON POST to
 * the client's `client_notification_endpoint` with `Authorization: Bearer
 * <client_notification_token>`, at most `CIBA_NOTIFICATION_ATTEMPTS` attempts with doubling
 * back-off from `CIBA_NOTIFICATION_BACKOFF_MS` ({@link OutboundDelivery}: SSRF guard, no
 * redirects, nothing secret logged; the body may carry tokens in push mode).
 */
@Injectable()
export class CibaNotifier {
  constructor(
    private readonly delivery: OutboundDelivery,
    @Inject(cibaConfig.KEY) private readonly config: CibaConfig,
  ) {}

  notify(
    endpoint: string,
    token: string,
    body: string,
    clientId: string,
  ): Promise<NotificationOutcome> {
    return this.delivery.deliver({
      url: endpoint,
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      timeoutMs: this.config.timeoutMs,
      attempts: this.config.attempts,
      backoffMs: (attempt) => this.config.backoffMs * 2 ** (attempt - 1),
      label: `CIBA notification to client ${clientId}`,
    });
  }
}
