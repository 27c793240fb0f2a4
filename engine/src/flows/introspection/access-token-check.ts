import { result, type Result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { AccessTokenRecord } from '../../store/records';

/** The state of a presented access token. */
export type AccessTokenCheck =
  | { state: 'valid'; record: AccessTokenRecord }
  | { state: 'missing'; result: Result }
  | { state: 'expired'; result: Result; refreshable: boolean; record: AccessTokenRecord };

/**
 * Looks up an access token for the resource APIs. An expired token is reported as expired once
 * and deleted, so later checks report it as non-existent (authlete-api.md §8.1, §11.6).
 * @param apiCode three-digit prefix of the calling API's result codes.
 */
export function checkAccessToken(
  context: EngineContext,
  token: string,
  apiCode: string,
): AccessTokenCheck {
  const record = context.stores.accessTokens.peek(token);
  if (record === undefined) {
    return {
      state: 'missing',
      result: result(
        `A${apiCode === '056' ? '063' : apiCode}301`,
        'The access token does not exist.',
      ),
    };
  }
  if (record.expiresAt > context.now()) return { state: 'valid', record };
  context.stores.deleteAccessToken(record);
  const refresh =
    record.refreshToken === undefined
      ? undefined
      : context.stores.refreshTokens.get(record.refreshToken);
  const refreshable = refresh !== undefined && !refresh.rotated;
  const code = apiCode === '056' ? (refreshable ? 'A065301' : 'A065302') : `A${apiCode}303`;
  const text = refreshable
    ? 'The access token has expired but it can be refreshed using the corresponding refresh token.'
    : 'The access token has expired.';
  return { state: 'expired', result: result(code, text), refreshable, record };
}
