import type { TokenResponse } from '../../../../contract';
import type { Result } from '../../protocol/result';
import { type IssuedTokens, tokenOkResponse } from '../token/token-response';

/** Native SSO inputs Authlete hands to the service with the NATIVE_SSO action. */
export interface NativeSsoFields {
  /** `device_secret` of the token request, or the device-secret `actor_token`. */
  deviceSecret?: string;
  /** `ds_hash` of the subject ID token (token-exchange flow only). */
  deviceSecretHash?: string;
  /** Claims the `/nativesso` ID token must carry, e.g. `nonce` after the code flow. */
  additionalClaims?: Record<string, unknown>;
}

/**
 * The `/auth/token` NATIVE_SSO answer (Java `TokenResponse.Action.NATIVE_SSO`; OpenID Connect
 * Native SSO 1.0 §4, §5): the tokens are minted, but there is no responseContent and no ID token;
 * the service checks `sessionId` and the device secret, then calls `/nativesso`.
 */
export function nativeSsoTokenResponse(
  value: Result,
  issued: IssuedTokens,
  fields: NativeSsoFields,
): TokenResponse {
  const additional = fields.additionalClaims ?? {};
  return {
    ...tokenOkResponse(value, { ...issued, idToken: undefined }),
    action: 'NATIVE_SSO',
    responseContent: undefined,
    deviceSecret: fields.deviceSecret,
    deviceSecretHash: fields.deviceSecretHash,
    additionalClaims: Object.keys(additional).length > 0 ? JSON.stringify(additional) : undefined,
  };
}

/** Whether Native SSO applies to a code or refresh grant (Java `TokenResponse` NATIVE_SSO rules). */
export function nativeSsoApplies(
  nativeSsoSupported: boolean,
  scopes: readonly string[],
  sessionId: string | undefined,
): boolean {
  return (
    nativeSsoSupported &&
    scopes.includes('openid') &&
    scopes.includes('device_sso') &&
    sessionId !== undefined
  );
}
