import type { RequestBody } from '../../api/request-body';
import type {
  BackchannelAuthenticationFailReason,
  BackchannelAuthenticationFailResponse,
} from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { oauthErrorJson, envelope, result } from '../../protocol/result';

/** Each reason's error code and action (CIBA Core §13; Java `BackchannelAuthenticationFailRequest.Reason`). */
const REASONS: Readonly<
  Record<
    BackchannelAuthenticationFailReason,
    { error: string; action: 'BAD_REQUEST' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR'; text: string }
  >
> = {
  EXPIRED_LOGIN_HINT_TOKEN: {
    error: 'expired_login_hint_token',
    action: 'BAD_REQUEST',
    text: 'The login hint token has expired.',
  },
  UNKNOWN_USER_ID: {
    error: 'unknown_user_id',
    action: 'BAD_REQUEST',
    text: 'The end-user could not be identified from the hint.',
  },
  UNAUTHORIZED_CLIENT: {
    error: 'unauthorized_client',
    action: 'BAD_REQUEST',
    text: 'The client is not allowed to use CIBA.',
  },
  MISSING_USER_CODE: {
    error: 'missing_user_code',
    action: 'BAD_REQUEST',
    text: 'The user code is required.',
  },
  INVALID_USER_CODE: {
    error: 'invalid_user_code',
    action: 'BAD_REQUEST',
    text: 'The user code is invalid.',
  },
  INVALID_BINDING_MESSAGE: {
    error: 'invalid_binding_message',
    action: 'BAD_REQUEST',
    text: 'The binding message is invalid.',
  },
  INVALID_TARGET: {
    error: 'invalid_target',
    action: 'BAD_REQUEST',
    text: 'The resource is invalid.',
  },
  ACCESS_DENIED: { error: 'access_denied', action: 'FORBIDDEN', text: 'The request was denied.' },
  SERVER_ERROR: {
    error: 'server_error',
    action: 'INTERNAL_SERVER_ERROR',
    text: 'The server could not process the request.',
  },
};

/**
 * `POST /backchannel/authentication/fail` (CIBA Core §13; Java
 * `BackchannelAuthenticationFailResponse`): closes the ticket and builds the error response for
 * the reason, with the service's `errorDescription` when given. An unknown ticket is
 * INTERNAL_SERVER_ERROR with `server_error`.
 */
export function failBackchannel(
  context: EngineContext,
  body: RequestBody,
): BackchannelAuthenticationFailResponse {
  const ticket = body.requiredString('ticket');
  const reasonName = body.requiredString('reason');
  const reason = Object.hasOwn(REASONS, reasonName)
    ? REASONS[reasonName as BackchannelAuthenticationFailReason]
    : undefined;
  const record = context.stores.backchannelTickets.get(ticket);
  if (
    reason === undefined ||
    record === undefined ||
    record.closed ||
    record.authReqId !== undefined
  ) {
    const stale = result(
      'A182301',
      'The ticket or the reason passed to /backchannel/authentication/fail is invalid.',
    );
    return {
      ...envelope(stale, 'INTERNAL_SERVER_ERROR'),
      responseContent: oauthErrorJson(context.service, 'server_error', stale),
    };
  }
  record.closed = true;
  context.stores.backchannelTickets.delete(ticket);
  const described = body.optionalString('errorDescription') ?? reason.text;
  const failed = result('A182001', described);
  const content: Record<string, string> = JSON.parse(
    oauthErrorJson(context.service, reason.error, failed),
  ) as Record<string, string>;
  const errorUri = body.optionalString('errorUri');
  if (errorUri !== undefined && !context.service.errorUriOmitted) content.error_uri = errorUri;
  return { ...envelope(failed, reason.action), responseContent: JSON.stringify(content) };
}
