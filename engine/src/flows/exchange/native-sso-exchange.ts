import { Grant } from '../../model/token-grant';
import type { TokenResponse } from '../../../../contract';
import type { JWTPayload } from 'jose';
import type { TokenType } from '../../model/token-types';
import { result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { TokenSubjectContext } from '../../store/records';
import { filterScopeNames } from '../authorization/scopes';
import type { TokenRequest } from '../token/token-request';
import { badTokenRequest } from '../token/token-response';
import { mintAccessToken, mintRefreshToken, refreshTokenAllowed } from '../tokens/mint-tokens';
import { nativeSsoTokenResponse } from './native-sso-response';

/** The validated parts of a Native SSO token-exchange request. */
export interface NativeSsoExchange {
  subjectType: TokenType;
  idToken?: JWTPayload;
  deviceSecret: string;
  scopes: string[];
  resources: string[];
}

/**
 * Native SSO through token exchange (OpenID Connect Native SSO 1.0 §4.3): the subject token is an
 * ID token of this service carrying `sid` and `ds_hash`, the actor token the device secret. The
 * engine mints tokens for the requesting client and answers NATIVE_SSO with `sessionId` (the
 * `sid`), `deviceSecret` and `deviceSecretHash`; the service verifies their binding.
 */
export async function nativeSsoExchange(
  context: EngineContext,
  request: TokenRequest,
  exchange: NativeSsoExchange,
): Promise<TokenResponse> {
  const claims = exchange.idToken;
  const sid = claims?.sid;
  const dsHash = claims?.ds_hash;
  if (exchange.subjectType !== 'ID_TOKEN' || claims === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A327308',
      'Native SSO needs an ID token as the subject token.',
    );
  }
  if (typeof sid !== 'string' || typeof dsHash !== 'string' || typeof claims.sub !== 'string') {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A327309',
      "The subject ID token carries no 'sid' or 'ds_hash' claim.",
    );
  }
  const scopes = filterScopeNames(context.service, request.client, exchange.scopes);
  const subject: TokenSubjectContext = {
    client: request.client,
    clientIdAliasUsed: request.clientIdAliasUsed,
    grantType: 'TOKEN_EXCHANGE',
    subject: claims.sub,
    authTime: typeof claims.auth_time === 'number' ? claims.auth_time : 0,
    acr: typeof claims.acr === 'string' ? claims.acr : undefined,
    properties: request.properties,
    sessionId: sid,
    maxAge: 0,
    resources: exchange.resources.length > 0 ? exchange.resources : undefined,
    grant: new Grant(),
  };
  const refresh = refreshTokenAllowed(context, subject)
    ? mintRefreshToken(context, subject, scopes, request.refreshTokenDuration)
    : undefined;
  const access = await mintAccessToken(
    context,
    subject,
    {
      scopes,
      accessTokenDuration: request.accessTokenDuration,
      accessToken: request.accessToken,
      jwtAtClaims: request.jwtAtClaims,
      binding: request.binding,
    },
    refresh,
  );
  const value = result('A327002', 'The Native SSO token exchange request is valid.');
  return nativeSsoTokenResponse(
    value,
    { access, refresh, clientAuthMethod: request.clientAuthMethod, grantType: 'TOKEN_EXCHANGE' },
    { deviceSecret: exchange.deviceSecret, deviceSecretHash: dsHash },
  );
}
