import { Grant } from '../../model/token-grant';
import { spaceList } from '../../protocol/form-params';
import type { TokenResponse } from '../../../../contract';
import { result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { TokenSubjectContext } from '../../store/records';
import { filterScopeNames } from '../authorization/scopes';
import { mintAccessToken } from '../tokens/mint-tokens';
import type { TokenRequest } from './token-request';
import { badTokenRequest, tokenOkResponse } from './token-response';

/**
 * The client_credentials grant (RFC 6749 §4.4, authlete-api.md §7.3): confidential clients only,
 * no subject, no refresh token. Requested scopes are limited to supported and requestable ones;
 * `openid` has no meaning here and is dropped.
 */
export async function clientCredentialsGrant(
  context: EngineContext,
  request: TokenRequest,
): Promise<TokenResponse> {
  const { client } = request;
  if (client.clientType !== 'CONFIDENTIAL') {
    return badTokenRequest(
      context,
      'unauthorized_client',
      'A053301',
      'A public client cannot use the client credentials grant.',
    );
  }
  const scopes = filterScopeNames(
    context.service,
    client,
    spaceList(request.params.get('scope')),
  ).filter((scope) => scope !== 'openid');
  const subject: TokenSubjectContext = {
    client,
    clientIdAliasUsed: request.clientIdAliasUsed,
    grantType: 'CLIENT_CREDENTIALS',
    authTime: 0,
    properties: request.properties,
    maxAge: 0,
    grant: new Grant(),
  };
  const access = await mintAccessToken(context, subject, {
    scopes,
    accessTokenDuration: request.accessTokenDuration,
    accessToken: request.accessToken,
    jwtAtClaims: request.jwtAtClaims,
    binding: request.binding,
  });
  const ok = result(
    'A053001',
    'The token request (grant_type=client_credentials) was processed successfully.',
  );
  return tokenOkResponse(ok, { access, clientAuthMethod: request.clientAuthMethod });
}
