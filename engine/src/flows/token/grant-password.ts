import { spaceList } from '../../protocol/form-params';
import type { TokenResponse } from '../../../../contract';
import { result, resultMessage } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import type { EngineContext } from '../../context/engine-context';
import { filterScopeNames } from '../authorization/scopes';
import type { TokenRequest } from './token-request';
import { badTokenRequest } from './token-response';

/**
 * The password grant (RFC 6749 §4.3, authlete-api.md §6.1): answers PASSWORD with `username`,
 * `password` and a single-use `ticket`; the service checks the credentials and calls
 * /auth/token/issue or /auth/token/fail. No responseContent.
 */
export function passwordGrant(context: EngineContext, request: TokenRequest): TokenResponse {
  const { params, client } = request;
  const username = params.get('username');
  const password = params.get('password');
  if (username === undefined || password === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A054301',
      "The token request must contain the 'username' and 'password' parameters.",
    );
  }
  const scopes = filterScopeNames(context.service, client, spaceList(params.get('scope')));
  const ticket = randomToken();
  context.stores.passwordTickets.add(ticket, {
    expiresAt: context.now() + context.service.durations.ticket * 1000,
    client,
    clientIdAliasUsed: request.clientIdAliasUsed,
    clientAuthMethod: request.clientAuthMethod,
    scopes,
    properties: request.properties,
    username,
  });
  const value = result(
    'A054002',
    'The token request (grant_type=password) is valid; the service must verify the credentials.',
  );
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: value.code,
    resultMessage: resultMessage(value),
    action: 'PASSWORD',
    username,
    password,
    ticket,
    grantType: 'PASSWORD',
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasUsed: request.clientIdAliasUsed,
    clientAuthMethod: request.clientAuthMethod,
    scopes: scopes.length > 0 ? scopes : undefined,
    accessTokenDuration: 0,
    accessTokenExpiresAt: 0,
    refreshTokenDuration: 0,
    refreshTokenExpiresAt: 0,
  };
}
