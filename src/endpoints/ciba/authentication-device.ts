import type { AuthleteDeliveryMode, AuthleteScope } from '../../authlete/types';

/** A backchannel authentication request the user has to decide on (CIBA Core §7, §8). */
export interface CibaRequest {
  /** The ticket of `/backchannel/authentication`, which `/complete` takes back. */
  readonly ticket: string;
  readonly authReqId: string;
  /** The identified user. */
  readonly subject: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly scopes: readonly AuthleteScope[];
  readonly acrs: readonly string[];
  /** CIBA Core §7.1 `binding_message`: shown to the user as it is (and escaped). */
  readonly bindingMessage?: string;
  readonly deliveryMode: AuthleteDeliveryMode;
  /** Milliseconds since the epoch when the `auth_req_id` expires. */
  readonly expiresAt: number;
}

/**
 * The authentication device port (OpenID Connect CIBA Core §1: the "authentication device" the
 * user approves on): the service hands it every identified request; it reaches the user (a push
 * notification to a phone app, a kiosk, …) and reports the decision through
 * `CibaDecisions.decide`. Deployers replace the default {@link DemoAuthenticationDevice} by
 * providing their own class for this token (docs/ciba.md).
 */
export abstract class AuthenticationDevice {
  /** Delivers a request to the user's device; must not block on the user's answer. */
  abstract deliver(request: CibaRequest): Promise<void>;
}
