import { spaceList } from '../../protocol/form-params';
import type { TokenResponse } from '../../../../contract';
import { result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { RefreshTokenRecord } from '../../store/records';
import { nativeSsoApplies, nativeSsoTokenResponse } from '../exchange/native-sso-response';
import { mintAccessToken, mintRefreshToken } from '../tokens/mint-tokens';
import type { TokenRequest } from './token-request';
import { badTokenRequest, tokenOkResponse } from './token-response';

/**
 * The refresh_token grant (RFC 6749 §6, authlete-api.md §7.3). The scope may only narrow. The
 * refresh token rotates unless the service sets refreshTokenKept; a rotated token presented
 * again revokes the whole grant (RFC 6819 §5.2.2.3). As in Authlete, where an access token and
 * its refresh token are one record, the access tokens minted with the used refresh token end.
 * Like Authlete, no ID token is minted here: with `openid` still in scope and the service's
 * `idTokenReissuable` set the answer is ID_TOKEN_REISSUABLE (the service calls `/idtoken/reissue`);
 * with Native SSO it is NATIVE_SSO (authlete-api.md §7.3, §14).
 */
export async function refreshTokenGrant(
  context: EngineContext,
  request: TokenRequest,
): Promise<TokenResponse> {
  const { params, client } = request;
  const value = params.get('refresh_token');
  if (value === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A052301',
      "The token request does not contain the 'refresh_token' parameter.",
    );
  }
  const record = context.stores.refreshTokens.peek(value);
  if (record === undefined) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A052302',
      'The refresh token does not exist.',
    );
  }
  if (record.context.client !== client) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A052303',
      'The refresh token was issued to another client.',
    );
  }
  if (record.expiresAt <= context.now()) {
    context.stores.revokeRefreshToken(record);
    return badTokenRequest(context, 'invalid_grant', 'A052304', 'The refresh token has expired.');
  }
  if (record.rotated) {
    context.stores.revokeGrant(record.context.grant);
    return badTokenRequest(
      context,
      'invalid_grant',
      'A052305',
      'The refresh token has already been used; the grant has been revoked.',
    );
  }
  const requested = spaceList(params.get('scope'));
  const outside = requested.filter((scope) => !record.scopes.includes(scope));
  if (outside.length > 0) {
    return badTokenRequest(
      context,
      'invalid_scope',
      'A052306',
      `The scope '${outside.join(' ')}' was not granted to the refresh token.`,
    );
  }
  const scopes = requested.length > 0 ? requested : record.scopes;
  for (const token of [...record.accessTokens]) context.stores.accessTokens.delete(token);
  record.accessTokens.clear();
  let refresh: RefreshTokenRecord = record;
  if (!context.service.refreshTokenKept) {
    record.rotated = true;
    refresh = mintRefreshToken(
      context,
      record.context,
      record.scopes,
      request.refreshTokenDuration,
    );
  }
  const subject = record.context;
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
  const ok = result(
    'A052001',
    'The token request (grant_type=refresh_token) was processed successfully.',
  );
  const issued = {
    access,
    refresh,
    clientAuthMethod: request.clientAuthMethod,
    grantType: 'REFRESH_TOKEN' as const,
  };
  if (nativeSsoApplies(context.service.nativeSsoSupported, scopes, subject.sessionId)) {
    return nativeSsoTokenResponse(ok, issued, { deviceSecret: params.get('device_secret') });
  }
  const response = tokenOkResponse(ok, issued);
  const reissuable =
    context.service.idTokenReissuable && scopes.includes('openid') && subject.subject !== undefined;
  if (!reissuable) return response;
  return {
    ...response,
    action: 'ID_TOKEN_REISSUABLE',
    requestedIdTokenClaims: subject.idTokenClaimNames,
  };
}
