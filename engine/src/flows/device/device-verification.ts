import type { RequestBody } from '../../api/request-body';
import type { DeviceVerificationResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import type { DeviceCodeRecord } from '../../store/records';

/** The live device authorization a user code points at, with whether it has expired. */
export function deviceRecordOf(
  context: EngineContext,
  userCode: string,
): { record: DeviceCodeRecord; expired: boolean } | undefined {
  const pointer = context.stores.userCodes.peek(userCode);
  const record =
    pointer === undefined ? undefined : context.stores.deviceCodes.peek(pointer.deviceCode);
  if (record === undefined || record.status !== 'PENDING') return undefined;
  return { record, expired: record.validUntil <= context.now() };
}

/**
 * `POST /device/verification` (RFC 8628 §3.3; Java `DeviceVerificationResponse`): looks up the
 * user code typed on the verification page. VALID carries the client, scopes, ACRs and `expiresAt`
 * (milliseconds); EXPIRED and NOT_EXIST say why not. The code is taken exactly as given: the
 * service normalises what the user typed (§6.1).
 */
export function verifyDevice(
  context: EngineContext,
  body: RequestBody,
): DeviceVerificationResponse {
  const userCode = body.optionalString('userCode');
  const found = userCode === undefined ? undefined : deviceRecordOf(context, userCode);
  if (found === undefined) {
    return envelope(result('A223301', 'The user code does not exist.'), 'NOT_EXIST');
  }
  const { record } = found;
  if (found.expired) {
    return envelope(result('A223302', 'The user code has expired.'), 'EXPIRED');
  }
  const { client } = record;
  return {
    ...envelope(result('A223001', 'The user code is valid.'), 'VALID'),
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasUsed: record.clientIdAliasUsed,
    clientName: client.metadata.clientName,
    scopes: record.scopes.map((name) => ({ ...(context.service.scopes.get(name) ?? { name }) })),
    claimNames: record.claimNames,
    acrs: record.acrs,
    expiresAt: record.validUntil,
    resources: record.resources,
  };
}
