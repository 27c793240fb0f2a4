import type { RequestBody } from '../../api/request-body';
import type { RevocationResponse } from '../../../../contract';
import { FormParams } from '../../protocol/form-params';
import { envelope, oauthErrorResponse, result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { authenticateClient } from '../client-auth/authenticate-client';
import { clientAuthFailureResponse } from '../client-auth/client-auth-failure';

/**
 * `POST /auth/revocation` (RFC 7009, authlete-api.md §8.5): authenticates the client like the
 * token endpoint, then revokes the token if it belongs to that client. An access token is
 * revoked with its refresh token, and a refresh token with its access tokens (Authlete keeps
 * them as one record). An unknown token, or one of another client, is still OK (RFC 7009 §2.2).
 */
export async function revoke(
  context: EngineContext,
  body: RequestBody,
): Promise<RevocationResponse> {
  const params = new FormParams(body.requiredString('parameters'));
  const authentication = await authenticateClient(context, {
    params,
    clientId: body.optionalString('clientId'),
    clientSecret: body.optionalString('clientSecret'),
    endpointUrl: context.service.endpoints.revocation,
    apiCode: '113',
  });
  if (!authentication.ok) {
    return clientAuthFailureResponse(context.service, authentication, 'INVALID_CLIENT');
  }
  const token = params.get('token');
  if (token === undefined || params.duplicated(['token']) !== undefined) {
    return oauthErrorResponse(
      context.service,
      'BAD_REQUEST',
      'invalid_request',
      'A113310',
      "The revocation request must contain exactly one 'token' parameter.",
    );
  }
  const { client } = authentication;
  const { stores } = context;
  const access = stores.accessTokens.peek(token);
  if (access !== undefined && access.context.client === client) {
    const paired =
      access.refreshToken === undefined
        ? undefined
        : stores.refreshTokens.peek(access.refreshToken);
    if (paired !== undefined) stores.revokeRefreshToken(paired);
    stores.deleteAccessToken(access);
  }
  const refresh = stores.refreshTokens.peek(token);
  if (refresh !== undefined && refresh.context.client === client) {
    stores.revokeRefreshToken(refresh);
  }
  return envelope(result('A113001', 'The token has been revoked successfully.'), 'OK');
}
