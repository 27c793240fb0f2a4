import { CallerError } from '../../api/caller-error';
import type { AuthorizationFailResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import { result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { problem } from './authorization-problem';
import { staleTicketResponse } from '../../protocol/stale-ticket';
import { problemResponse } from './problem-response';

const PATH = '/auth/authorization/fail';

/** Every `reason` of authlete-api.md §4.3 with its OAuth error, result code and text. */
const REASONS: Record<string, { error: string; code: string; text: string }> = {
  UNKNOWN: { error: 'server_error', code: 'A041301', text: 'An unknown error occurred.' },
  NOT_LOGGED_IN: {
    error: 'login_required',
    code: 'A041302',
    text: 'The end-user has not logged in.',
  },
  MAX_AGE_NOT_SUPPORTED: {
    error: 'login_required',
    code: 'A041303',
    text: 'The authorization server cannot handle max_age.',
  },
  EXCEEDS_MAX_AGE: {
    error: 'login_required',
    code: 'A041304',
    text: 'The authentication of the end-user is older than max_age.',
  },
  DIFFERENT_SUBJECT: {
    error: 'login_required',
    code: 'A041305',
    text: 'The end-user is different from the requested subject.',
  },
  ACR_NOT_SATISFIED: {
    error: 'unmet_authentication_requirements',
    code: 'A041306',
    text: 'None of the requested ACRs is satisfied.',
  },
  DENIED: {
    error: 'access_denied',
    code: 'A041307',
    text: 'The end-user denied the authorization request.',
  },
  SERVER_ERROR: { error: 'server_error', code: 'A041308', text: 'A server error occurred.' },
  NOT_AUTHENTICATED: {
    error: 'login_required',
    code: 'A041309',
    text: 'The end-user was not authenticated.',
  },
  ACCOUNT_SELECTION_REQUIRED: {
    error: 'account_selection_required',
    code: 'A041310',
    text: 'The end-user must select an account.',
  },
  CONSENT_REQUIRED: {
    error: 'consent_required',
    code: 'A041311',
    text: 'The end-user has not consented.',
  },
  INTERACTION_REQUIRED: {
    error: 'interaction_required',
    code: 'A041312',
    text: 'End-user interaction is required.',
  },
  INVALID_TARGET: {
    error: 'invalid_target',
    code: 'A041313',
    text: 'The requested resource is invalid.',
  },
  INVALID_SCOPE: {
    error: 'invalid_scope',
    code: 'A041314',
    text: 'The requested scope is invalid.',
  },
  UNAUTHORIZED_CLIENT: {
    error: 'unauthorized_client',
    code: 'A041315',
    text: 'The client is not authorized.',
  },
  TEMPORARILY_UNAVAILABLE: {
    error: 'temporarily_unavailable',
    code: 'A041316',
    text: 'The service is temporarily unavailable.',
  },
};

/** The reasons /auth/authorization/fail accepts. */
export const AUTHORIZATION_FAIL_REASONS = Object.keys(REASONS);

/**
 * `POST /auth/authorization/fail` (authlete-api.md §4.3): consumes the ticket and builds the error
 * response to the client (LOCATION or FORM) with error, error_description, error_uri, state, iss.
 */
export function failAuthorization(
  context: EngineContext,
  body: RequestBody,
): AuthorizationFailResponse {
  const ticket = body.requiredString('ticket');
  const reasonName = body.requiredString('reason');
  const reason = REASONS[reasonName];
  if (reason === undefined) {
    throw CallerError.invalid(
      '041',
      PATH,
      'reason',
      `one of ${AUTHORIZATION_FAIL_REASONS.join(', ')}`,
    );
  }
  const description = body.optionalString('description');
  const record = context.stores.tickets.take(ticket);
  if (record === undefined) return staleTicketResponse(context.service, 'A041317', PATH);
  const issue = problem(reason.code, reason.error, reason.text, record.request);
  if (description !== undefined) issue.result = result(reason.code, description);
  return problemResponse(context, issue);
}
