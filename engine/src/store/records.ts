import type { Grant } from '../model/token-grant';
import type { AuthorizationRequest, Property } from '../model/authorization-request';
import type { Client } from '../model/client';
import type { AuthorizationDetail } from '../model/vci';
import type { AuthleteGrantType, ClientAuthMethod } from '../model/enums';

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
}

export interface AuthorizationCodeRecord {
  expiresAt: number;
  context: TokenSubjectContext;
  scopes: string[];
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** Set once the code has been exchanged; a second exchange revokes this grant. */
  consumed: boolean;
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
