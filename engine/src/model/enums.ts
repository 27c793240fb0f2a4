/**
 * Enum values exactly as they travel on the Authlete wire: upper-case Java constant names
 * (authlete-api.md §1.4, §2).
 */

/** Authlete `GrantType` (authlete-api.md §2). Only the grants the engine implements are listed. */
export const GRANT_TYPES = [
  'AUTHORIZATION_CODE',
  'IMPLICIT',
  'PASSWORD',
  'CLIENT_CREDENTIALS',
  'REFRESH_TOKEN',
] as const;
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
    default:
      return undefined;
  }
}
