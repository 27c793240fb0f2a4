import type { NativeSsoLogoutResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import { envelope, result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { AccessTokenRecord, RefreshTokenRecord } from '../../store/records';

/**
 * `POST /nativesso/logout` (Java `NativeSsoLogoutRequest`/`Response`): deletes every access and
 * refresh token bound to the session `sessionId`; `count` is how many tokens were deleted.
 */
export function nativeSsoLogout(
  context: EngineContext,
  body: RequestBody,
): NativeSsoLogoutResponse {
  const sessionId = body.requiredString('sessionId');
  const { stores } = context;
  const accessTokens = new Set<AccessTokenRecord>();
  const refreshTokens = new Set<RefreshTokenRecord>();
  for (const [, record] of stores.accessTokens.entries()) {
    if (record.context.sessionId === sessionId) accessTokens.add(record);
  }
  for (const [, record] of stores.refreshTokens.entries()) {
    if (record.context.sessionId === sessionId) refreshTokens.add(record);
  }
  for (const record of accessTokens) stores.deleteAccessToken(record);
  for (const record of refreshTokens) stores.refreshTokens.delete(record.value);
  const count = accessTokens.size + refreshTokens.size;
  const ok = result(
    'A503001',
    `The /nativesso/logout API call deleted ${count} access/refresh token record(s).`,
  );
  return { ...envelope(ok, 'OK'), count };
}
