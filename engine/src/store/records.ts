import type { Grant } from '../model/token-grant';
import type { AuthorizationRequest, Property } from '../model/authorization-request';
import type { Client } from '../model/client';
import type { AuthorizationDetail } from '../model/vci';
import type { AuthleteGrantType, ClientAuthMethod, DeliveryMode } from '../model/enums';

/** What a token is about: decided at authorization time and carried to every token of the grant. */
export interface TokenSubjectContext {
  client: Client;
  clientIdAliasUsed: boolean;
  grantType: AuthleteGrantType;
  subject?: string;
  /** Override of the ID-token `sub` (authlete-api.md §4.2). */
  sub?: string;
  authTime: number;
  acr?: string;
  /** Claim values supplied at /auth/authorization/issue, for ID tokens. */
  claims?: Record<string, unknown>;
  /** Claim names the authorization request asked for in ID tokens (`requestedIdTokenClaims`). */
  idTokenClaimNames?: string[];
  userInfoClaims?: string;
  consentedClaims?: string[];
  properties: Property[];
  sessionId?: string;
  nonce?: string;
  maxAge: number;
  resources?: string[];
  grant: Grant;
  /** FAPI Grant Management grant this authorization belongs to (→ `grant_id`). */
  grantId?: string;
  /**
   * `idtHeaderParams` given at /auth/authorization/issue: JWS header parameters of every ID token
   * issued on this authorization, at the authorization and at the token endpoint.
   */
  idTokenHeaderParams?: Record<string, unknown>;
  /** RFC 9396 `authorization_details` granted (OID4VCI 1.0 §5.1.1 `openid_credential`). */
  authorizationDetails?: AuthorizationDetail[];
}

export interface TicketRecord {
  expiresAt: number;
  request: AuthorizationRequest;
  context?: string;
}

export interface PasswordTicketRecord {
  expiresAt: number;
  client: Client;
  clientIdAliasUsed: boolean;
  clientAuthMethod: ClientAuthMethod;
  scopes: string[];
  properties: Property[];
  username: string;
  /** The sender constraint of the token request, applied at `/auth/token/issue`. */
  binding?: TokenBinding;
}

export interface AuthorizationCodeRecord {
  expiresAt: number;
  context: TokenSubjectContext;
  scopes: string[];
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** RFC 9449 §10: the thumbprint of the DPoP key the token request must prove. */
  dpopJkt?: string;
  /** Set once the code has been exchanged; a second exchange revokes this grant. */
  consumed: boolean;
}

/**
 * The sender constraint of a token (Authlete `cnf`): the RFC 7638 thumbprint of a DPoP key
 * (RFC 9449 §6) and/or the `x5t#S256` of a client certificate (RFC 8705 §3).
 */
export interface TokenBinding {
  jkt?: string;
  x5tS256?: string;
}

export interface AccessTokenRecord {
  expiresAt: number;
  issuedAt: number;
  /** The value the client presents (the JWT for RFC 9068 tokens). */
  value: string;
  /** The opaque identifier also accepted when `value` is a JWT (Authlete's `accessToken`). */
  alias?: string;
  context: TokenSubjectContext;
  scopes: string[];
  refreshToken?: string;
  /** Set when the token is sender-constrained (RFC 9449 §6, RFC 8705 §3). */
  binding?: TokenBinding;
  /** Claims the `/nativesso` ID token of this token's response must carry (e.g. `nonce`). */
  nativeSsoClaims?: Record<string, unknown>;
}

export interface RefreshTokenRecord {
  expiresAt: number;
  issuedAt: number;
  value: string;
  context: TokenSubjectContext;
  scopes: string[];
  /** The access tokens minted with this refresh token, revoked with it. */
  accessTokens: Set<string>;
  /** True once rotated: presenting it again revokes the grant. */
  rotated: boolean;
  /** Set for a public client's DPoP-bound refresh token (RFC 9449 §5). */
  binding?: TokenBinding;
}

export interface RequestUriRecord {
  expiresAt: number;
  clientId: number;
  parameters: string;
}

export interface AssertionIdRecord {
  expiresAt: number;
}

export type { Grant };

/** How long an expired device code or `auth_req_id` is remembered, to answer `expired_token`. */
export const DECOUPLED_GRACE_MS = 600_000;

/** Where a decoupled authorization (device flow, CIBA) stands; set by `/complete`. */
export type DecoupledStatus = 'PENDING' | 'AUTHORIZED' | 'ACCESS_DENIED' | 'TRANSACTION_FAILED';

/**
 * What a device code or an `auth_req_id` stands for while the client polls (RFC 8628 §3.4,
 * CIBA Core §10.1): the client, the requested scopes, the polling state and, once the user
 * decided, the decision and the token context.
 */
export interface DecoupledRecord {
  /** When the store drops it: {@link DECOUPLED_GRACE_MS} after `validUntil`, so late polls get expired_token. */
  expiresAt: number;
  /** Milliseconds since the epoch: the end of the device code's or `auth_req_id`'s life. */
  validUntil: number;
  client: Client;
  clientIdAliasUsed: boolean;
  scopes: string[];
  resources?: string[];
  acrs?: string[];
  claimNames?: string[];
  /** Current minimum seconds between polls; grows by 5 on each slow_down (RFC 8628 §3.5). */
  interval: number;
  /** Milliseconds since the epoch of the last poll. */
  lastPolledAt?: number;
  status: DecoupledStatus;
  /** Set when AUTHORIZED. */
  context?: TokenSubjectContext;
  grantedScopes?: string[];
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  jwtAtClaims?: Record<string, unknown>;
  /** True once tokens were issued: a further poll gets invalid_grant. */
  consumed: boolean;
}

/** A device authorization (RFC 8628 §3.2), stored under its device code. */
export interface DeviceCodeRecord extends DecoupledRecord {
  userCode: string;
}

/** A user code's pointer to its device code (RFC 8628 §3.3). */
export interface UserCodeRecord {
  expiresAt: number;
  deviceCode: string;
}

/** A backchannel authentication request (CIBA Core §7), stored under its ticket. */
export interface BackchannelTicketRecord {
  expiresAt: number;
  client: Client;
  clientIdAliasUsed: boolean;
  deliveryMode: DeliveryMode;
  scopes: string[];
  acrs?: string[];
  claimNames?: string[];
  resources?: string[];
  clientNotificationToken?: string;
  /** Seconds, from `requested_expiry`; 0 when absent. */
  requestedExpiry: number;
  /** Set by `/issue`. */
  authReqId?: string;
  /** Set by `/fail` or `/complete`: the ticket cannot be used again. */
  closed: boolean;
}

/** A CIBA request after `/issue`, stored under its `auth_req_id` (CIBA Core §7.3). */
export interface BackchannelRequestRecord extends DecoupledRecord {
  deliveryMode: DeliveryMode;
}
