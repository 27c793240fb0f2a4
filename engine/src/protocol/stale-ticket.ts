import type { AuthleteEnvelope } from '../../../contract';
import type { Service } from '../model/service';
import { oauthErrorJson, result, resultMessage } from './result';

/**
 * The answer to a ticket that is unknown, used or expired, shared by every API that takes a
 * ticket: BAD_REQUEST with an `invalid_request` body (authlete-api.md §11.5), or
 * INTERNAL_SERVER_ERROR with `server_error` for an API without BAD_REQUEST (`/auth/token/issue`).
 */
export function staleTicketResponse<
  A extends 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR' = 'BAD_REQUEST',
>(
  service: Service,
  code: string,
  path: string,
  action: A = 'BAD_REQUEST' as A,
): AuthleteEnvelope<A> {
  const stale = result(
    code,
    `The ticket passed to ${path} is invalid, has already been used or has expired.`,
  );
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: stale.code,
    resultMessage: resultMessage(stale),
    action: action,
    responseContent: oauthErrorJson(
      service,
      action === 'BAD_REQUEST' ? 'invalid_request' : 'server_error',
      stale,
    ),
  };
}
