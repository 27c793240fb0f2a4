import type { ClaimValues } from '../users/user-authenticator';

/** One credential the wallet asked for, as the policy sees it (OID4VCI 1.0 §8.2, §9.1). */
export interface CredentialIssuanceCase {
  /** The user the access token is about. */
  readonly subject: string;
  /** The credential configuration (`credential_configurations_supported` key). */
  readonly credentialConfigurationId: string;
  /** The user's claims mapped for this configuration, as they would be issued. */
  readonly claims: ClaimValues;
  /** Set when the wallet polls the deferred credential endpoint (OID4VCI 1.0 §9). */
  readonly transactionId?: string;
}

/** What to do with a credential request. */
export type CredentialIssuanceDecision =
  | { readonly kind: 'issue' }
  /** Answer a transaction id; the wallet polls again after `interval` seconds (§8.3, §9.2). */
  | { readonly kind: 'defer'; readonly interval: number }
  /** Refuse with `credential_request_denied` (§8.3.1.2). */
  | { readonly kind: 'deny' };

/**
 * The port deciding whether a credential is issued now, later (deferred issuance, e.g. pending an
 * identity check), or not at all (OpenID for Verifiable Credential Issuance 1.0 §8.3, §9). It is
 * asked at the credential endpoint and again at every poll of the deferred credential endpoint.
 * Provide your own class with `AuthorizationServerModule.forRoot({ credentialIssuancePolicy })` (docs/vci.md).
 */
export abstract class CredentialIssuancePolicy {
  abstract decide(request: CredentialIssuanceCase): Promise<CredentialIssuanceDecision>;
}
