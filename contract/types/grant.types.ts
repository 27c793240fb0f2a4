import type { AuthleteEnvelope, AuthleteProperty, AuthleteScope } from './common.types';

/**
 * Authlete `TokenType` (Java `com.authlete.common.types.TokenType`): RFC 8693 §3 token type
 * identifiers and the Native SSO device secret, by their upper-case constant names.
 */
export type AuthleteTokenType =
  'JWT' | 'ACCESS_TOKEN' | 'REFRESH_TOKEN' | 'ID_TOKEN' | 'SAML1' | 'SAML2' | 'DEVICE_SECRET';

/**
 * Authlete `TokenInfo`: what Authlete knows about one of its own tokens presented as a
 * `subject_token` or `actor_token` (Java `TokenInfo`; `scopes` are Scope objects there).
 */
export interface AuthleteTokenInfo {
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  clientEntityIdUsed?: boolean;
  metadataDocumentUsed?: boolean;
  subject?: string;
  scopes?: AuthleteScope[];
  /** Milliseconds since the epoch. */
  expiresAt?: number;
  properties?: AuthleteProperty[];
  resources?: string[];
}

/** `POST /idtoken/reissue` request (Java `IDTokenReissueRequest`), after ID_TOKEN_REISSUABLE. */
export interface IdTokenReissueRequest {
  /** The `jwtAccessToken` of the `/auth/token` response when present, else `accessToken`. */
  accessToken: string;
  refreshToken: string;
  /** Override of the ID-token `sub`. */
  sub?: string;
  /** The user's current claim values, a JSON object as a string. */
  claims?: string;
  idtHeaderParams?: string;
  idTokenAudType?: 'array' | 'string';
}

/** Actions of `/idtoken/reissue` (Java `IDTokenReissueResponse.Action`). */
export type IdTokenReissueAction = 'OK' | 'INTERNAL_SERVER_ERROR' | 'CALLER_ERROR';

/** `/idtoken/reissue` response: OK carries the whole token response with the new `id_token`. */
export interface IdTokenReissueResponse extends AuthleteEnvelope<IdTokenReissueAction> {
  idToken?: string;
}

/** `POST /nativesso` request (Java `NativeSsoRequest`), after NATIVE_SSO. */
export interface NativeSsoRequest {
  accessToken: string;
  refreshToken?: string;
  /** Becomes `device_secret` in the token response. */
  deviceSecret: string;
  /** Becomes the ID-token `ds_hash`; Authlete hashes `deviceSecret` itself when absent. */
  deviceSecretHash?: string;
  sub?: string;
  claims?: string;
  idtHeaderParams?: string;
  idTokenAudType?: 'array' | 'string';
}

/** Actions of `/nativesso` (Java `NativeSsoResponse.Action`). */
export type NativeSsoAction = 'OK' | 'INTERNAL_SERVER_ERROR' | 'CALLER_ERROR';

/** `/nativesso` response: OK carries the token response with `id_token` and `device_secret`. */
export interface NativeSsoResponse extends AuthleteEnvelope<NativeSsoAction> {
  idToken?: string;
}

/** `POST /nativesso/logout` request (Java `NativeSsoLogoutRequest`). */
export interface NativeSsoLogoutRequest {
  sessionId: string;
}

/** Actions of `/nativesso/logout` (Java `NativeSsoLogoutResponse.Action`). */
export type NativeSsoLogoutAction = 'OK' | 'SERVER_ERROR' | 'CALLER_ERROR';

/** `/nativesso/logout` response: how many tokens of the session were deleted. */
export interface NativeSsoLogoutResponse extends AuthleteEnvelope<NativeSsoLogoutAction> {
  count?: number;
}
