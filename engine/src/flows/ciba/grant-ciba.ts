import type { TokenResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { CIBA_GRANT } from '../../model/enums';
import { pollDecoupled } from '../decoupled/poll-decoupled';
import type { TokenRequest } from '../token/token-request';
import { badTokenRequest } from '../token/token-response';

/**
 * The CIBA grant (CIBA Core §10.1, §11): the `auth_req_id` must exist and belong to the client, and
 * the client must be in poll or ping mode (push clients receive the tokens, §10.3.1); then the
 * poll rules of {@link pollDecoupled}.
 */
export function cibaGrant(
  context: EngineContext,
  request: TokenRequest,
): Promise<TokenResponse> | TokenResponse {
  const authReqId = request.params.get('auth_req_id');
  if (authReqId === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A050701',
      "The token request does not contain the 'auth_req_id' parameter.",
    );
  }
  const record = context.stores.backchannelRequests.peek(authReqId);
  if (record === undefined || record.client !== request.client) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A050702',
      'The auth_req_id does not exist or was issued to another client.',
    );
  }
  if (record.deliveryMode === 'PUSH') {
    return badTokenRequest(
      context,
      'unauthorized_client',
      'A050703',
      'A client in push mode receives its tokens at its notification endpoint.',
    );
  }
  return pollDecoupled(context, request, record, {
    parameter: 'auth_req_id',
    codePrefix: 'A0507',
    grantType: CIBA_GRANT,
  });
}
