import type { AuthleteAuthzDetails } from './vci.types';
import type {
  AuthleteClientAuthMethod,
  AuthleteEnvelope,
  AuthleteGrantType,
  AuthleteProperty,
} from './common.types';
import type { AuthleteTokenInfo, AuthleteTokenType } from './grant.types';

/** `POST /auth/token` request (authlete-api.md §6.1). `parameters` is the raw form body. */
export interface TokenRequest {
  parameters: string;
  /** From the Basic header only (client_secret_basic), form-URL-decoded. */
  clientId?: string;
  clientSecret?: string;
  clientCertificate?: string;
  clientCertificatePath?: string[];
  properties?: AuthleteProperty[];
  dpop?: string;
  htm?: string;
  htu?: string;
  oauthClientAttestation?: string;
  oauthClientAttestationPop?: string;
}

/** Actions of `/auth/token` (§6.1). */
export type TokenAction =
  | 'OK'
  | 'BAD_REQUEST'
  | 'INVALID_CLIENT'
  | 'INTERNAL_SERVER_ERROR'
  | 'PASSWORD'
  | 'TOKEN_EXCHANGE'
  | 'JWT_BEARER'
  | 'ID_TOKEN_REISSUABLE'
  | 'NATIVE_SSO';

/** `/auth/token` response (§6.1). */
export interface TokenResponse extends AuthleteEnvelope<TokenAction> {
  accessToken?: string;
  accessTokenExpiresAt?: number;
  accessTokenDuration?: number;
  refreshToken?: string;
  refreshTokenExpiresAt?: number;
  refreshTokenDuration?: number;
  idToken?: string;
  jwtAccessToken?: string;
  grantType?: AuthleteGrantType;
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  clientAuthMethod?: AuthleteClientAuthMethod;
  subject?: string;
  scopes?: string[];
  refreshTokenScopes?: string[];
  properties?: AuthleteProperty[];
  resources?: string[];
  accessTokenResources?: string[];
  /** Seconds since the epoch. */
  authTime?: number;
  acr?: string;
  sessionId?: string;
  /** FAPI Grant Management: the grant the tokens were issued under (→ `grant_id`). */
  grantId?: string;
  username?: string;
  password?: string;
  ticket?: string;
  /** RFC 8693 `audience` values (TOKEN_EXCHANGE). */
  audiences?: string[];
  requestedTokenType?: AuthleteTokenType;
  subjectToken?: string;
  subjectTokenType?: AuthleteTokenType;
  /** Present when the subject token is one of this service's access or refresh tokens. */
  subjectTokenInfo?: AuthleteTokenInfo;
  actorToken?: string;
  actorTokenType?: AuthleteTokenType;
  actorTokenInfo?: AuthleteTokenInfo;
  /** The RFC 7523 assertion (JWT_BEARER); its signature is not verified by Authlete. */
  assertion?: string;
  /** Claim names the authorization request asked for in ID tokens (ID_TOKEN_REISSUABLE). */
  requestedIdTokenClaims?: string[];
  /** `device_secret`, or the device-secret `actor_token` (NATIVE_SSO). */
  deviceSecret?: string;
  /** `ds_hash` of the subject ID token (NATIVE_SSO through token exchange). */
  deviceSecretHash?: string;
  /** Claims such as `nonce` the Native SSO ID token carries, a JSON object string (NATIVE_SSO). */
  additionalClaims?: string;
  /** RFC 9396 `authorization_details` of the issued token (OID4VCI 1.0 §6.2). */
  authorizationDetails?: AuthleteAuthzDetails;
}

/** `POST /auth/token/issue` request after PASSWORD (§6.2). */
export interface TokenIssueRequest {
  ticket: string;
  subject: string;
  properties?: AuthleteProperty[];
  jwtAtClaims?: string;
  accessToken?: string;
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
}

/** Actions of `/auth/token/issue` (§6.2). */
export type TokenIssueAction = 'OK' | 'INTERNAL_SERVER_ERROR';

/** `/auth/token/issue` response (§6.2). */
export interface TokenIssueResponse extends AuthleteEnvelope<TokenIssueAction> {
  accessToken?: string;
  accessTokenExpiresAt?: number;
  accessTokenDuration?: number;
  refreshToken?: string;
  refreshTokenExpiresAt?: number;
  refreshTokenDuration?: number;
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  subject?: string;
  scopes?: string[];
  refreshTokenScopes?: string[];
  properties?: AuthleteProperty[];
  jwtAccessToken?: string;
  accessTokenResources?: string[];
}

/** Reasons accepted by `/auth/token/fail` (§6.3). */
export type TokenFailReason =
  | 'UNKNOWN'
  | 'INVALID_RESOURCE_OWNER_CREDENTIALS'
  | 'INVALID_TARGET'
  | 'INVALID_CLIENT'
  | 'UNAUTHORIZED_CLIENT'
  | 'INVALID_SCOPE';

/** `POST /auth/token/fail` request (§6.3). */
export interface TokenFailRequest {
  ticket: string;
  reason: TokenFailReason;
}

/** Actions of `/auth/token/fail` (§6.3). */
export type TokenFailAction = 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';

/** `/auth/token/fail` response (§6.3). */
export type TokenFailResponse = AuthleteEnvelope<TokenFailAction>;

/** `POST /auth/token/create` request (§6.4). */
export interface TokenCreateRequest {
  grantType: AuthleteGrantType;
  clientId: number | string;
  subject?: string;
  scopes?: string[];
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  properties?: AuthleteProperty[];
  clientIdAliasUsed?: boolean;
  resources?: string[];
  jwtAtClaims?: string;
  acr?: string;
  authTime?: number;
  /** The client ID or its alias, instead of `clientId`. */
  clientIdentifier?: string;
  sessionId?: string;
  dpopKeyThumbprint?: string;
  certificateThumbprint?: string;
}

/** Actions of `/auth/token/create` (§6.4). */
export type TokenCreateAction = 'OK' | 'BAD_REQUEST' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

/** `/auth/token/create` response: no responseContent; the AS writes the JSON (§6.4). */
export interface TokenCreateResponse extends AuthleteEnvelope<TokenCreateAction> {
  accessToken?: string;
  refreshToken?: string;
  clientId?: number;
  expiresAt?: number;
  expiresIn?: number;
  grantType?: AuthleteGrantType;
  scopes?: string[];
  subject?: string;
  tokenType?: string;
  properties?: AuthleteProperty[];
  jwtAccessToken?: string;
  refreshTokenScopes?: string[];
  sessionId?: string;
  tokenId?: string;
}
