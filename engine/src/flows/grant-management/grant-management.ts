import type { GMResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import { grantJson } from '../../model/managed-grant';
import { bearerChallenge, envelope, result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';

/** Scope a management access token needs per action (FAPI Grant Management §6.1). */
const REQUIRED_SCOPE = {
  QUERY: 'grant_management_query',
  REVOKE: 'grant_management_revoke',
} as const;

type Answer = GMResponse;

function challenged(
  context: EngineContext,
  action: 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND',
  error: string,
  code: string,
  text: string,
  scope?: string,
): Answer {
  const value = result(code, text);
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: value.code,
    resultMessage: resultMessage(value),
    action: action,
    responseContent: bearerChallenge(context.service, error, value, scope),
  };
}

/**
 * `POST /gm` (authlete-java-common `GMRequest`/`GMResponse`; FAPI Grant Management §6): with an
 * access token of the grant's client carrying `grant_management_query` (QUERY → OK, the grant as
 * JSON) or `grant_management_revoke` (REVOKE → NO_CONTENT; every token issued under the grant is
 * revoked). UNAUTHORIZED, FORBIDDEN and NOT_FOUND carry an RFC 6750 challenge; a wrong call is
 * CALLER_ERROR.
 */
export function grantManagement(context: EngineContext, body: RequestBody): Answer {
  const gmAction = body.optionalString('gmAction');
  const grantId = body.optionalString('grantId');
  if (gmAction !== 'QUERY' && gmAction !== 'REVOKE') {
    return envelope(
      result('A292201', "The request to /gm needs 'gmAction' QUERY or REVOKE."),
      'CALLER_ERROR',
    );
  }
  if (grantId === undefined) {
    return envelope(
      result('A292202', "The request to /gm does not contain the required 'grantId' parameter."),
      'CALLER_ERROR',
    );
  }
  const token = body.optionalString('accessToken');
  const record = token === undefined ? undefined : context.stores.accessTokens.get(token);
  if (record === undefined) {
    return challenged(
      context,
      'UNAUTHORIZED',
      'invalid_token',
      'A292301',
      'The access token is missing, unknown or expired.',
    );
  }
  const scope = REQUIRED_SCOPE[gmAction];
  if (!record.scopes.includes(scope)) {
    return challenged(
      context,
      'FORBIDDEN',
      'insufficient_scope',
      'A292302',
      `The access token does not cover the scope '${scope}'.`,
      scope,
    );
  }
  const grant = context.stores.grants.get(grantId);
  if (grant === undefined || grant.clientId !== record.context.client.clientId) {
    return challenged(
      context,
      'NOT_FOUND',
      'invalid_grant',
      'A292303',
      `The grant '${grantId}' does not exist.`,
    );
  }
  if (gmAction === 'QUERY') {
    return {
      ...envelope(result('A292001', 'The grant has been retrieved.'), 'OK'),
      responseContent: grantJson(grant),
    };
  }
  for (const tokens of grant.tokenGrants) context.stores.revokeGrant(tokens);
  context.stores.grants.delete(grantId);
  return envelope(result('A292002', 'The grant has been revoked.'), 'NO_CONTENT');
}
