import { CallerError } from '../../api/caller-error';
import type { TokenFailResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import type { EngineContext } from '../../context/engine-context';
import { staleTicketResponse } from '../../protocol/stale-ticket';
import { tokenErrorResponse } from './token-response';

const PATH = '/auth/token/fail';

/** Reasons of /auth/token/fail (authlete-api.md §6.3, Java TokenFailRequest.Reason). */
const REASONS: Record<
  string,
  { action: 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR'; error: string; code: string; text: string }
> = {
  UNKNOWN: {
    action: 'INTERNAL_SERVER_ERROR',
    error: 'server_error',
    code: 'A067101',
    text: 'An unknown error occurred while processing the token request.',
  },
  INVALID_RESOURCE_OWNER_CREDENTIALS: {
    action: 'BAD_REQUEST',
    error: 'invalid_request',
    code: 'A067301',
    text: 'The credentials (username & password) passed to the token endpoint are invalid.',
  },
  INVALID_TARGET: {
    action: 'BAD_REQUEST',
    error: 'invalid_target',
    code: 'A067302',
    text: 'The requested resource is invalid.',
  },
  INVALID_CLIENT: {
    action: 'BAD_REQUEST',
    error: 'invalid_client',
    code: 'A067303',
    text: 'The client is invalid.',
  },
  UNAUTHORIZED_CLIENT: {
    action: 'BAD_REQUEST',
    error: 'unauthorized_client',
    code: 'A067304',
    text: 'The client is not authorized.',
  },
  INVALID_SCOPE: {
    action: 'BAD_REQUEST',
    error: 'invalid_scope',
    code: 'A067305',
    text: 'The requested scope is invalid.',
  },
};

/**
 * `POST /auth/token/fail` (authlete-api.md §6.3): consumes the PASSWORD ticket and builds the
 * error body; INVALID_RESOURCE_OWNER_CREDENTIALS gives `invalid_request` (A067301).
 */
export function failToken(context: EngineContext, body: RequestBody): TokenFailResponse {
  const ticket = body.requiredString('ticket');
  const reasonName = body.requiredString('reason');
  const reason = REASONS[reasonName];
  if (reason === undefined) {
    throw CallerError.invalid('067', PATH, 'reason', `one of ${Object.keys(REASONS).join(', ')}`);
  }
  if (context.stores.passwordTickets.take(ticket) === undefined) {
    return staleTicketResponse(context.service, 'A067306', PATH);
  }
  return tokenErrorResponse(context, reason.action, reason.error, reason.code, reason.text);
}
