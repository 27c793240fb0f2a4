import type { TokenResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { DEVICE_CODE_GRANT } from '../../model/enums';
import { pollDecoupled } from '../decoupled/poll-decoupled';
import type { TokenRequest } from '../token/token-request';
import { badTokenRequest } from '../token/token-response';

/**
 * The device_code grant (RFC 8628 §3.4, §3.5): the device code must exist and belong to the
 * client; then the poll rules of {@link pollDecoupled} (authorization_pending, slow_down,
 * access_denied, expired_token, tokens once).
 */
export function deviceCodeGrant(
  context: EngineContext,
  request: TokenRequest,
): Promise<TokenResponse> | TokenResponse {
  const deviceCode = request.params.get('device_code');
  if (deviceCode === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A050601',
      "The token request does not contain the 'device_code' parameter.",
    );
  }
  const record = context.stores.deviceCodes.peek(deviceCode);
  if (record === undefined) {
    return badTokenRequest(context, 'invalid_grant', 'A050602', 'The device code does not exist.');
  }
  if (record.client !== request.client) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A050603',
      'The device code was issued to another client.',
    );
  }
  return pollDecoupled(context, request, record, {
    parameter: 'device code',
    codePrefix: 'A0506',
    grantType: DEVICE_CODE_GRANT,
  });
}
