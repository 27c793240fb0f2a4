/**
 * Enum values exactly as they travel on the Authlete wire: upper-case Java constant names
 * (authlete-api.md §1.4, §2).
 */

/** Every Authlete `GrantType` (authlete-api.md §2; Java `GrantType`), e.g. for `/auth/token/create`. */
export const AUTHLETE_GRANT_TYPES = [
  'AUTHORIZATION_CODE',
  'IMPLICIT',
  'PASSWORD',
  'CLIENT_CREDENTIALS',
  'REFRESH_TOKEN',
  'CIBA',
  'DEVICE_CODE',
  'TOKEN_EXCHANGE',
  'JWT_BEARER',
  'PRE_AUTHORIZED_CODE',
] as const;
export type AuthleteGrantType = (typeof AUTHLETE_GRANT_TYPES)[number];

/** The grant types the engine's `/auth/token` implements (and a service or client may list). */
export const GRANT_TYPES = [
  'AUTHORIZATION_CODE',
  'IMPLICIT',
  'PASSWORD',
  'CLIENT_CREDENTIALS',
  'REFRESH_TOKEN',
  'TOKEN_EXCHANGE',
  'JWT_BEARER',
  'PRE_AUTHORIZED_CODE',
  'DEVICE_CODE',
  'CIBA',
] as const satisfies readonly AuthleteGrantType[];
export type GrantType = (typeof GRANT_TYPES)[number];

/** Authlete `ResponseType` (authlete-api.md §2), restricted to what the engine serves. */
export const RESPONSE_TYPES = ['CODE', 'ID_TOKEN', 'CODE_ID_TOKEN'] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

/** Authlete `ClientAuthMethod` (authlete-api.md §2, §7.1), restricted to what the engine verifies. */
export const CLIENT_AUTH_METHODS = [
  'NONE',
  'CLIENT_SECRET_BASIC',
  'CLIENT_SECRET_POST',
  'CLIENT_SECRET_JWT',
  'PRIVATE_KEY_JWT',
] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** Authlete `ClientType`. */
export const CLIENT_TYPES = ['PUBLIC', 'CONFIDENTIAL'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

/** Authlete `SubjectType`. */
export const SUBJECT_TYPES = ['PUBLIC', 'PAIRWISE'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Every asymmetric JWS algorithm the engine verifies (RFC 7518 §3.1, RFC 8037 §3.1). */
export { ASYMMETRIC_JWS_ALGS } from '../../../contract/jose-algorithms';

/** Asymmetric JWS algorithms the engine signs with (ID tokens, JWT access tokens, userinfo). */
export const SIGNING_ALGS = ['RS256', 'PS256', 'ES256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** Authlete `Prompt`. */
export type Prompt = 'NONE' | 'LOGIN' | 'CONSENT' | 'SELECT_ACCOUNT' | 'CREATE';

/** Authlete `Display`. */
export type Display = 'PAGE' | 'POPUP' | 'TOUCH' | 'WAP';

/** How an authorization response travels back to the client (OAuth 2.0 Multiple Response Types, Form Post). */
export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** Maps the OAuth wire value of `response_type` to the Authlete enum. */
export function responseTypeFromWire(value: string): ResponseType | undefined {
  const parts = value.split(' ').filter((part) => part !== '');
  const sorted = [...new Set(parts)].sort().join(' ');
  if (sorted === 'code') return 'CODE';
  if (sorted === 'id_token') return 'ID_TOKEN';
  if (sorted === 'code id_token') return 'CODE_ID_TOKEN';
  return undefined;
}

/** The device authorization grant type (RFC 8628 §3.4). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The CIBA grant type (OpenID Connect CIBA Core 1.0 §10.1). */
export const CIBA_GRANT = 'urn:openid:params:grant-type:ciba';

/** CIBA token delivery modes (CIBA Core §5; Authlete `DeliveryMode`). */
export const DELIVERY_MODES = ['POLL', 'PING', 'PUSH'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Authlete `UserCodeCharset` of device-flow user codes (RFC 8628 §6.1). */
export const USER_CODE_CHARSETS = ['BASE20', 'NUMERIC'] as const;
export type UserCodeCharset = (typeof USER_CODE_CHARSETS)[number];

/** The OAuth `grant_type` value of an Authlete grant type (RFC 6749, RFC 8693 §2.1, RFC 7523 §2.1). */
export function grantTypeToWire(type: GrantType): string {
  if (type === 'TOKEN_EXCHANGE') return 'urn:ietf:params:oauth:grant-type:token-exchange';
  if (type === 'JWT_BEARER') return 'urn:ietf:params:oauth:grant-type:jwt-bearer';
  if (type === 'PRE_AUTHORIZED_CODE') return PRE_AUTHORIZED_CODE_GRANT;
  if (type === 'DEVICE_CODE') return DEVICE_CODE_GRANT;
  if (type === 'CIBA') return CIBA_GRANT;
  return type.toLowerCase();
}

/** The pre-authorized code grant type (OpenID for Verifiable Credential Issuance 1.0 §3.5). */
export const PRE_AUTHORIZED_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** Maps an OAuth `grant_type` wire value to the Authlete enum. */
export function grantTypeFromWire(value: string): GrantType | undefined {
  switch (value) {
    case 'authorization_code':
      return 'AUTHORIZATION_CODE';
    case 'refresh_token':
      return 'REFRESH_TOKEN';
    case 'client_credentials':
      return 'CLIENT_CREDENTIALS';
    case 'password':
      return 'PASSWORD';
    case 'urn:ietf:params:oauth:grant-type:token-exchange':
      return 'TOKEN_EXCHANGE';
    case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
      return 'JWT_BEARER';
    case PRE_AUTHORIZED_CODE_GRANT:
      return 'PRE_AUTHORIZED_CODE';
    case DEVICE_CODE_GRANT:
      return 'DEVICE_CODE';
    case CIBA_GRANT:
      return 'CIBA';
    default:
      return undefined;
  }
}
