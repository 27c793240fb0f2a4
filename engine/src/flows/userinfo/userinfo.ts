import type { RequestBody } from '../../api/request-body';
import type { UserInfoResponse } from '../../../../contract';
import { result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { userInfoClaimNamesOf } from '../authorization/claims-request';
import { shortcutClaimNames, supportedClaimNames } from '../authorization/scopes';
import {
  bindingRefusal,
  freshDpopNonce,
  tokenBindingFailure,
} from '../introspection/token-binding-check';
import { checkUserInfoToken } from './userinfo-token';

/**
 * `POST /auth/userinfo` (authlete-api.md §8.3): on OK, the names of the claims to return (from
 * the token's scopes and `claims.userinfo`, `#tags` kept), for the service to look up and pass to
 * /auth/userinfo/issue. A sender-constrained token needs its DPoP proof or certificate (RFC 9449 §7).
 */
export async function processUserInfo(
  context: EngineContext,
  body: RequestBody,
): Promise<UserInfoResponse> {
  const token = body.optionalString('token');
  const check = checkUserInfoToken(context, token, '091');
  if (!check.ok) return check.response;
  const { record } = check;
  const unbound = await tokenBindingFailure(context, body, token ?? '', record, '091');
  if (unbound !== undefined) return bindingRefusal(unbound);
  const subject = record.context;
  const claims = supportedClaimNames(context.service, [
    ...shortcutClaimNames(record.scopes),
    ...userInfoClaimNamesOf(subject.userInfoClaims),
  ]);
  const ok = result('A091001', 'The access token presented at the userinfo endpoint is valid.');
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: ok.code,
    resultMessage: resultMessage(ok),
    action: 'OK',
    subject: subject.subject,
    clientId: subject.client.clientId,
    clientIdAlias: subject.client.clientIdAlias,
    clientIdAliasUsed: subject.clientIdAliasUsed,
    scopes: record.scopes,
    claims: claims.length > 0 ? claims : undefined,
    userInfoClaims: subject.userInfoClaims,
    consentedClaims: subject.consentedClaims,
    token,
    properties: subject.properties.length > 0 ? subject.properties : undefined,
    dpopNonce: freshDpopNonce(context, body, record),
  };
}
