/**
 * The JSON shape of `config/engine.json` (documented in docs/engine.md). Field names follow the
 * Authlete `Service` and `Client` schemas (authlete-api.md §8.14, §8.15) where Authlete has one;
 * engine-only knobs (durations of codes and tickets, store caps) are marked as such.
 */

import type { JWK } from 'jose';

/** A language-tagged value (Authlete `TaggedValue`). */
export interface TaggedValueConfig {
  tag: string;
  value: string;
}

/** A scope the service supports (Authlete `Scope`). */
export interface ScopeConfig {
  name: string;
  description?: string;
  descriptions?: TaggedValueConfig[];
  defaultEntry?: boolean;
}

/** Per-kind caps on the in-memory stores (engine only; issue 3 item 8). */
export interface StoreCapsConfig {
  tickets?: number;
  authorizationCodes?: number;
  accessTokens?: number;
  refreshTokens?: number;
  requestUris?: number;
  clientAssertionIds?: number;
  /** Clients registered through /client/registration (default 10000). */
  dynamicClients?: number;
  /** FAPI Grant Management grants. */
  grants?: number;
  /** Pending device authorizations (RFC 8628). */
  deviceCodes?: number;
  /** Pending CIBA requests. */
  backchannelRequests?: number;
}

/** The service (Authlete `Service`, the subset the engine honours). */
export interface ServiceConfig {
  /** Numeric service id / API key, as a string of digits (the `{serviceId}` path segment). */
  apiKey: string;
  serviceName: string;
  issuer: string;
  /** Engine only: the Bearer service access token. Random per start when absent. */
  accessToken?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  userInfoEndpoint?: string;
  revocationEndpoint?: string;
  introspectionEndpoint?: string;
  pushedAuthReqEndpoint?: string;
  jwksUri?: string;
  endSessionEndpoint?: string;
  registrationEndpoint?: string;
  /** Base of `registration_client_uri` (RFC 7592); the client id is appended. */
  registrationManagementEndpoint?: string;
  /** Base of the grant management endpoint (FAPI Grant Management); the grant id is appended. */
  grantManagementEndpoint?: string;
  /** RFC 7591 registration through /client/registration (default false, as in Authlete). */
  dynamicRegistrationSupported?: boolean;
  /** RFC 7592: a bad registration access token gives UNAUTHORIZED instead of BAD_REQUEST. */
  unauthorizedOnClientConfigSupported?: boolean;
  /** Client metadata names kept in a client's `customMetadata`, e.g. `post_logout_redirect_uris`. */
  supportedCustomClientMetadata?: string[];
  /** OpenID Connect Back-Channel Logout 1.0 §2.1 metadata. */
  backchannelLogoutSupported?: boolean;
  backchannelLogoutSessionSupported?: boolean;
  /** FAPI Grant Management: authorization requests must carry `grant_management_action`. */
  grantManagementActionRequired?: boolean;
  /** OpenID for Verifiable Credential Issuance 1.0: the /vci/* APIs answer (default false). */
  verifiableCredentialsEnabled?: boolean;
  /** Credential issuer metadata (OID4VCI 1.0 §12.2); see docs/vci.md. */
  credentialIssuerMetadata?: {
    credentialEndpoint?: string;
    deferredCredentialEndpoint?: string;
    nonceEndpoint?: string;
    credentialJwksUri?: string;
    display?: unknown[];
    credentialConfigurationsSupported?: Record<string, Record<string, unknown>>;
  };
  /** Seconds a credential offer (and its pre-authorized code) lives. */
  credentialOfferDuration?: number;
  /** Seconds a deferred issuance transaction lives. */
  credentialTransactionDuration?: number;
  /** Seconds a `c_nonce` from /vci/nonce stays valid. */
  cnonceDuration?: number;
  /** Seconds an issued credential is valid (`exp`). */
  credentialDuration?: number;
  /** RFC 8628 §3.1, §3.2 (default `{issuer}/api/device/authorization`, `{issuer}/api/device`). */
  deviceAuthorizationEndpoint?: string;
  deviceVerificationUri?: string;
  /** The `verification_uri_complete` template; `USER_CODE` is replaced with the user code. */
  deviceVerificationUriComplete?: string;
  /** Seconds a device code lives (default 600) and between two polls (default 5). */
  deviceFlowCodeDuration?: number;
  deviceFlowPollingInterval?: number;
  /** `BASE20` (default) or `NUMERIC`, and the length of user codes (RFC 8628 §6.1). */
  userCodeCharset?: string;
  userCodeLength?: number;
  /** OpenID Connect CIBA Core §4 (default `{issuer}/api/backchannel/authentication`). */
  backchannelAuthenticationEndpoint?: string;
  /** `POLL`, `PING`, `PUSH`. */
  supportedBackchannelTokenDeliveryModes?: string[];
  backchannelUserCodeParameterSupported?: boolean;
  /** Seconds an `auth_req_id` lives (default 600) and between two polls (default 5). */
  backchannelAuthReqIdDuration?: number;
  backchannelPollingInterval?: number;
  supportedScopes: ScopeConfig[];
  supportedClaims?: string[];
  supportedAcrs?: string[];
  supportedUiLocales?: string[];
  supportedClaimLocales?: string[];
  supportedGrantTypes: string[];
  supportedResponseTypes: string[];
  supportedTokenAuthMethods: string[];
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  idTokenDuration?: number;
  pushedAuthReqDuration?: number;
  /** Engine only: lifetime of authorization codes in seconds (default 600). */
  authorizationCodeDuration?: number;
  /** Engine only: lifetime of tickets from /auth/authorization and PASSWORD in seconds (default 600). */
  ticketDuration?: number;
  refreshTokenKept?: boolean;
  /** RFC 9449 §8: DPoP proofs must carry a nonce the engine issued. */
  dpopNonceRequired?: boolean;
  /** Seconds a DPoP nonce window lasts (default 600); a nonce is valid for one to two windows. */
  dpopNonceDuration?: number;
  pkceRequired?: boolean;
  pkceS256Required?: boolean;
  issSuppressed?: boolean;
  loopbackRedirectionUriVariable?: boolean;
  errorDescriptionOmitted?: boolean;
  errorUriOmitted?: boolean;
  /** JWT access tokens (RFC 9068) are issued when set. */
  accessTokenSignAlg?: string;
  /** `kid` of the key that signs ID tokens; the first key of the matching type otherwise. */
  idTokenSignatureKeyId?: string;
  /** JWK Set with private keys. Generated once and kept in the data directory when absent. */
  jwks?: { keys: JWK[] };
  /** Engine only. */
  storeCaps?: StoreCapsConfig;
  /** Engine only: seconds between sweeps of expired items (default 30). */
  sweepInterval?: number;
}

/** A client (Authlete `Client`, the subset the engine honours). */
export interface ClientConfig {
  /** Numeric client id (Authlete's int64 `clientId`). */
  clientId: number;
  /** The OAuth `client_id` the client uses (Authlete `clientIdAlias`). */
  clientIdAlias: string;
  clientSecret?: string;
  clientType: string;
  applicationType?: string;
  clientName?: string;
  description?: string;
  logoUri?: string;
  tosUri?: string;
  policyUri?: string;
  clientUri?: string;
  redirectUris?: string[];
  grantTypes: string[];
  responseTypes?: string[];
  tokenAuthMethod: string;
  /** Engine only: further methods the client may authenticate with besides `tokenAuthMethod`. */
  additionalTokenAuthMethods?: string[];
  /** Public JWK Set for private_key_jwt (and signed request objects). */
  jwks?: { keys: JWK[] };
  idTokenSignAlg?: string;
  userInfoSignAlg?: string;
  subjectType?: string;
  /** Sector identifier for PAIRWISE subjects (echoed as `derivedSectorIdentifier`). */
  sectorIdentifier?: string;
  defaultMaxAge?: number;
  defaultAcrs?: string[];
  authTimeRequired?: boolean;
  pkceRequired?: boolean;
  pkceS256Required?: boolean;
  /** Authlete `extension.requestableScopes`; every supported scope when absent. */
  requestableScopes?: string[];
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  idTokenDuration?: number;
  /** OpenID Connect Back-Channel Logout 1.0 §2.2. */
  backchannelLogoutUri?: string;
  backchannelLogoutSessionRequired?: boolean;
  /** Authlete `customMetadata`: a JSON object string, e.g. `{"post_logout_redirect_uris":[...]}`. */
  customMetadata?: string;
  /** CIBA Core §4: `POLL`, `PING` or `PUSH` (Authlete `bcDeliveryMode`). */
  bcDeliveryMode?: string;
  /** CIBA Core §4 `backchannel_client_notification_endpoint`, for ping and push. */
  bcNotificationEndpoint?: string;
  /** CIBA Core §4 `backchannel_user_code_parameter`. */
  bcUserCodeRequired?: boolean;
}

/** The whole engine configuration file. */
export interface EngineConfig {
  service: ServiceConfig;
  clients: ClientConfig[];
}
