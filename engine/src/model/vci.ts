/**
 * One credential configuration the issuer offers (OpenID for Verifiable Credential Issuance 1.0
 * §12.2.4 `credential_configurations_supported`), restricted to SD-JWT VC (`dc+sd-jwt`).
 */
export interface CredentialConfiguration {
  id: string;
  format: string;
  /** SD-JWT VC `vct` (SD-JWT VC §3.2.2.1.1). */
  vct: string;
  scope?: string;
  /** Top-level claim names, from `credential_metadata.claims[].path[0]`: each a disclosure. */
  claims: string[];
  /** The configuration as published in the metadata. */
  metadata: Record<string, unknown>;
}

/** Lifetimes in seconds of the VCI state and credentials. */
export interface VciDurations {
  offer: number;
  transaction: number;
  nonce: number;
  credential: number;
}

/**
 * The service's Verifiable Credentials settings (Authlete `Service.verifiableCredentialsEnabled`,
 * `credentialIssuerMetadata`, `credentialOfferDuration`, `credentialTransactionDuration`,
 * `cnonceDuration`, `credentialDuration`).
 */
export interface VciSettings {
  enabled: boolean;
  credentialIssuer: string;
  credentialEndpoint: string;
  deferredCredentialEndpoint: string;
  nonceEndpoint: string;
  /** Where the issuer's JWK Set is published (JWT VC issuer metadata `jwks_uri`). */
  credentialJwksUri: string;
  /** `display` of the issuer (OID4VCI §12.2.4), as configured. */
  display?: unknown;
  configurations: ReadonlyMap<string, CredentialConfiguration>;
  durations: VciDurations;
}

/** One RFC 9396 `authorization_details` element (Authlete `AuthzDetailsElement`). */
export interface AuthorizationDetail {
  type: string;
  [member: string]: unknown;
}
