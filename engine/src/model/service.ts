import type {
  ClientAuthMethod,
  DeliveryMode,
  GrantType,
  ResponseType,
  SigningAlg,
  UserCodeCharset,
} from './enums';
import type { VciSettings } from './vci';

/** A scope as served in authorization responses (Authlete `Scope`, authlete-api.md §2). */
export interface Scope {
  name: string;
  defaultEntry: boolean;
  description?: string;
  descriptions?: { tag: string; value: string }[];
}

/** The public URLs of the service (the AS), all rooted at the issuer. */
export interface ServiceEndpoints {
  authorization: string;
  token: string;
  userInfo: string;
  revocation: string;
  introspection: string;
  pushedAuthReq: string;
  jwks: string;
  endSession: string;
  /** RFC 7591 §3 registration endpoint. */
  registration: string;
  /** Base of every `registration_client_uri` (RFC 7592 §1.2): `{base}/{client_id}`. */
  registrationManagement: string;
  /** FAPI Grant Management §6: `{base}/{grant_id}`. */
  grantManagement: string;
  /** RFC 8628 §3.1 device authorization endpoint (Authlete `deviceAuthorizationEndpoint`). */
  deviceAuthorization: string;
  /** RFC 8628 §3.2 `verification_uri` (Authlete `deviceVerificationUri`). */
  deviceVerification: string;
  /** `verification_uri_complete` with the placeholder `USER_CODE` (`deviceVerificationUriComplete`). */
  deviceVerificationComplete: string;
  /** CIBA Core §7 backchannel authentication endpoint (`backchannelAuthenticationEndpoint`). */
  backchannelAuthentication: string;
}

/** Device flow settings (RFC 8628; Authlete `deviceFlowCodeDuration`, `deviceFlowPollingInterval`, `userCode*`). */
export interface DeviceFlowSettings {
  /** Seconds a device code and its user code live (`expires_in`). */
  codeDuration: number;
  /** Minimum seconds between two polls (`interval`). */
  pollingInterval: number;
  userCodeCharset: UserCodeCharset;
  userCodeLength: number;
}

/** CIBA settings (CIBA Core §4; Authlete `supportedBackchannelTokenDeliveryModes`, `backchannel*`). */
export interface CibaSettings {
  deliveryModes: ReadonlySet<DeliveryMode>;
  userCodeParameterSupported: boolean;
  /** Seconds an `auth_req_id` lives unless the request asks for less (`requested_expiry`). */
  authReqIdDuration: number;
  /** Minimum seconds between two polls (`interval`). */
  pollingInterval: number;
}

/** Lifetimes in seconds. */
export interface ServiceDurations {
  accessToken: number;
  refreshToken: number;
  idToken: number;
  authorizationCode: number;
  pushedAuthReq: number;
  ticket: number;
}

/** Upper bounds on stored items per kind (issue 3 item 8). */
export interface StoreCaps {
  tickets: number;
  authorizationCodes: number;
  accessTokens: number;
  refreshTokens: number;
  requestUris: number;
  clientAssertionIds: number;
  /** Clients registered through `/client/registration`. */
  dynamicClients: number;
  /** FAPI Grant Management grants. */
  grants: number;
  /** Pending device authorizations (RFC 8628). */
  deviceCodes: number;
  /** Pending backchannel authentication requests (CIBA). */
  backchannelRequests: number;
}

/** Authlete `Service.tokenExchange*` flags (authlete-api.md §7.4). */
export interface TokenExchangeSettings {
  byIdentifiableClientsOnly: boolean;
  byConfidentialClientsOnly: boolean;
  byPermittedClientsOnly: boolean;
  encryptedJwtRejected: boolean;
  unsignedJwtRejected: boolean;
}

/** Authlete `Service.jwtGrant*` flags (authlete-api.md §7.5). */
export interface JwtGrantSettings {
  byIdentifiableClientsOnly: boolean;
  encryptedJwtRejected: boolean;
  unsignedJwtRejected: boolean;
}

/** The validated, normalised service (Authlete `Service`, authlete-api.md §8.14). */
export interface Service {
  apiKey: string;
  /** `apiKey` as a number, as Authlete serialises it inside `service` objects. */
  apiKeyNumber: number;
  serviceName: string;
  issuer: string;
  endpoints: ServiceEndpoints;
  scopes: ReadonlyMap<string, Scope>;
  supportedClaims: string[];
  supportedAcrs: string[];
  supportedUiLocales: string[];
  supportedClaimLocales: string[];
  grantTypes: ReadonlySet<GrantType>;
  responseTypes: ReadonlySet<ResponseType>;
  tokenAuthMethods: ReadonlySet<ClientAuthMethod>;
  durations: ServiceDurations;
  refreshTokenKept: boolean;
  pkceRequired: boolean;
  pkceS256Required: boolean;
  issSuppressed: boolean;
  loopbackRedirectionUriVariable: boolean;
  errorDescriptionOmitted: boolean;
  errorUriOmitted: boolean;
  accessTokenSignAlg?: SigningAlg;
  /** RFC 8693 policy flags checked by `/auth/token` (Authlete `Service.tokenExchange*`). */
  tokenExchange: TokenExchangeSettings;
  /** RFC 7523 §2.1 flags checked by `/auth/token` (Authlete `Service.jwtGrant*`). */
  jwtGrant: JwtGrantSettings;
  /** Refresh answers ID_TOKEN_REISSUABLE while `openid` stays in scope (`idTokenReissuable`). */
  idTokenReissuable: boolean;
  /**
   * DPoP nonces (RFC 9449 §8, §9): proofs must carry a server nonce (`dpopNonceRequired`, or the
   * request's own flag); a nonce stays valid for one to two `dpopNonceDuration` seconds.
   */
  dpopNonce: { required: boolean; durationSeconds: number };
  /** OpenID Connect Native SSO 1.0 (`nativeSsoSupported`). */
  nativeSsoSupported: boolean;
  idTokenSignatureKeyId?: string;
  caps: StoreCaps;
  sweepIntervalSeconds: number;
  /** Authlete `dynamicRegistrationSupported` (RFC 7591). */
  dynamicRegistrationSupported: boolean;
  /** Authlete `unauthorizedOnClientConfigSupported`: UNAUTHORIZED instead of BAD_REQUEST (RFC 7592 §2). */
  unauthorizedOnClientConfigSupported: boolean;
  /** Authlete `supportedCustomClientMetadata`: extra client metadata kept in `customMetadata`. */
  supportedCustomClientMetadata: string[];
  /** Authlete `backchannelLogoutSupported` / `backchannelLogoutSessionSupported` (Back-Channel Logout §2.1). */
  backchannelLogoutSupported: boolean;
  backchannelLogoutSessionSupported: boolean;
  /** Authlete `grantManagementActionRequired` (FAPI Grant Management §5.1). */
  grantManagementActionRequired: boolean;
  /** OpenID for Verifiable Credential Issuance 1.0 settings. */
  vci: VciSettings;
  /** RFC 8628 device flow settings. */
  device: DeviceFlowSettings;
  /** OpenID Connect CIBA settings. */
  ciba: CibaSettings;
}
