import type { RequestBody } from '../../api/request-body';
import type { DeviceCompleteResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { applyDecision, readDecision } from '../decoupled/decoupled-decision';
import { deviceRecordOf } from './device-verification';

/**
 * `POST /device/complete` (RFC 8628 §3.3; Java `DeviceCompleteResponse`): records the user's
 * decision on a user code. SUCCESS ends the user code (a second use is USER_CODE_NOT_EXIST); the
 * device's next poll gets the tokens or `access_denied`. USER_CODE_EXPIRED, USER_CODE_NOT_EXIST
 * and INVALID_REQUEST (bad `result` or `subject`) change nothing.
 */
export function completeDevice(context: EngineContext, body: RequestBody): DeviceCompleteResponse {
  const userCode = body.optionalString('userCode');
  const decision = readDecision(body);
  if (userCode === undefined || !decision.ok) {
    const text = decision.ok ? "'userCode' is required." : decision.text;
    return envelope(
      result('A224201', `The request to /device/complete is invalid: ${text}`),
      'INVALID_REQUEST',
    );
  }
  const found = deviceRecordOf(context, userCode);
  if (found === undefined) {
    return envelope(result('A224301', 'The user code does not exist.'), 'USER_CODE_NOT_EXIST');
  }
  if (found.expired) {
    return envelope(result('A224302', 'The user code has expired.'), 'USER_CODE_EXPIRED');
  }
  applyDecision(found.record, body, decision.status, 'DEVICE_CODE');
  context.stores.userCodes.delete(userCode);
  return envelope(result('A224001', 'The decision on the user code was recorded.'), 'SUCCESS');
}
