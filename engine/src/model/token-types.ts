/**
 * Authlete `TokenType` (Java `com.authlete.common.types.TokenType`): the token type identifiers of
 * RFC 8693 §3 and the device secret of OpenID Connect Native SSO 1.0 §4.1, with their URIs.
 */
export const TOKEN_TYPE_URIS = {
  JWT: 'urn:ietf:params:oauth:token-type:jwt',
  ACCESS_TOKEN: 'urn:ietf:params:oauth:token-type:access_token',
  REFRESH_TOKEN: 'urn:ietf:params:oauth:token-type:refresh_token',
  ID_TOKEN: 'urn:ietf:params:oauth:token-type:id_token',
  SAML1: 'urn:ietf:params:oauth:token-type:saml1',
  SAML2: 'urn:ietf:params:oauth:token-type:saml2',
  DEVICE_SECRET: 'urn:openid:params:token-type:device-secret',
} as const;

export type TokenType = keyof typeof TOKEN_TYPE_URIS;

/** Maps a token type URI to the Authlete enum; undefined for an unregistered one. */
export function tokenTypeFromUri(uri: string): TokenType | undefined {
  const entry = Object.entries(TOKEN_TYPE_URIS).find(([, value]) => value === uri);
  return entry?.[0] as TokenType | undefined;
}
