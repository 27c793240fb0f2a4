import { bearerChallenge, result, resultMessage } from '../../protocol/result';
import type { AuthleteEnvelope } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import type { AccessTokenRecord } from '../../store/records';
import { checkAccessToken } from '../introspection/access-token-check';

/** A usable userinfo token, or the ready-made error answer. */
export type UserInfoTokenCheck =
  | { ok: true; record: AccessTokenRecord }
  | { ok: false; response: AuthleteEnvelope<UserInfoTokenFailure> };

type UserInfoTokenFailure = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN';

function failure(
  context: EngineContext,
  action: UserInfoTokenFailure,
  error: string,
  code: string,
  text: string,
  scope?: string,
): UserInfoTokenCheck {
  const value = result(code, text);
  return {
    ok: false,
    response: {
      // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
      resultCode: value.code,
      resultMessage: resultMessage(value),
      action: action,
      responseContent: bearerChallenge(context.service, error, value, scope),
    },
  };
}

/**
 * The checks shared by /auth/userinfo and /auth/userinfo/issue (authlete-api.md §8.3): a token is
 * given (else BAD_REQUEST), exists and is unexpired and tied to a subject (else UNAUTHORIZED),
 * and covers `openid` (else FORBIDDEN). Errors carry an RFC 6750 challenge.
 */
export function checkUserInfoToken(
  context: EngineContext,
  token: string | undefined,
  apiCode: string,
): UserInfoTokenCheck {
  if (token === undefined) {
    return failure(
      context,
      'BAD_REQUEST',
      'invalid_request',
      `A${apiCode}301`,
      'The request does not contain an access token.',
    );
  }
  const check = checkAccessToken(context, token, apiCode);
  if (check.state !== 'valid') {
    return failure(context, 'UNAUTHORIZED', 'invalid_token', check.result.code, check.result.text);
  }
  const { record } = check;
  if (record.context.subject === undefined) {
    return failure(
      context,
      'UNAUTHORIZED',
      'invalid_token',
      `A${apiCode}304`,
      'The access token is not associated with any end-user.',
    );
  }
  if (!record.scopes.includes('openid')) {
    return failure(
      context,
      'FORBIDDEN',
      'insufficient_scope',
      `A${apiCode}305`,
      "The access token does not cover the 'openid' scope.",
      'openid',
    );
  }
  return { ok: true, record };
}
