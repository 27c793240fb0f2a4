import type { AuthleteHintType } from '../../../../contract';
import type { Client } from '../../model/client';
import type { FormParams } from '../../protocol/form-params';

/** A problem with a backchannel authentication request: its RFC 6749 / CIBA Core §13 error. */
export interface BackchannelProblem {
  error: string;
  code: string;
  text: string;
}

/** The user identification hint of a request (CIBA Core §7.1: exactly one of three). */
export interface BackchannelHint {
  type: AuthleteHintType;
  value: string;
}

/** What {@link readBackchannelRequest} checks, besides the client and scopes. */
export interface BackchannelParameters {
  hint: BackchannelHint;
  bindingMessage?: string;
  userCode?: string;
  clientNotificationToken?: string;
  /** Seconds; 0 when absent. */
  requestedExpiry: number;
}

const HINTS: readonly [string, AuthleteHintType][] = [
  ['login_hint', 'LOGIN_HINT'],
  ['login_hint_token', 'LOGIN_HINT_TOKEN'],
  ['id_token_hint', 'ID_TOKEN_HINT'],
];

/** CIBA Core §7.1.1: the notification token is a bearer token, at most 1024 characters. */
const MAX_NOTIFICATION_TOKEN = 1024;
const MAX_BINDING_MESSAGE = 1024;

function problem(
  error: string,
  code: string,
  text: string,
): { ok: false; problem: BackchannelProblem } {
  return { ok: false, problem: { error, code, text } };
}

/**
 * Reads and checks the CIBA parameters (CIBA Core §7.1): one hint, `client_notification_token`
 * for ping and push clients, `requested_expiry` a positive integer, `binding_message` and the
 * token of sane size.
 */
export function readBackchannelRequest(
  params: FormParams,
  client: Client,
): { ok: true; value: BackchannelParameters } | { ok: false; problem: BackchannelProblem } {
  const hints = HINTS.filter(([name]) => params.has(name));
  const [first] = hints;
  if (hints.length !== 1 || first === undefined) {
    return problem(
      'invalid_request',
      'A180304',
      'Exactly one of login_hint, login_hint_token and id_token_hint must be given.',
    );
  }
  const value = params.get(first[0]) ?? '';
  if (value === '') {
    return problem('invalid_request', 'A180305', `The '${first[0]}' parameter is empty.`);
  }
  const token = params.get('client_notification_token');
  if (client.bcDeliveryMode !== 'POLL' && (token === undefined || token === '')) {
    return problem(
      'invalid_request',
      'A180306',
      "The 'client_notification_token' parameter is required in ping and push modes.",
    );
  }
  if (token !== undefined && token.length > MAX_NOTIFICATION_TOKEN) {
    return problem(
      'invalid_request',
      'A180307',
      "The 'client_notification_token' parameter is too long.",
    );
  }
  const expiry = params.get('requested_expiry');
  if (expiry !== undefined && !/^[1-9][0-9]{0,8}$/.test(expiry)) {
    return problem(
      'invalid_request',
      'A180308',
      "The 'requested_expiry' parameter must be a positive integer.",
    );
  }
  const bindingMessage = params.get('binding_message');
  if (bindingMessage !== undefined && bindingMessage.length > MAX_BINDING_MESSAGE) {
    return problem(
      'invalid_binding_message',
      'A180309',
      "The 'binding_message' parameter is too long.",
    );
  }
  return {
    ok: true,
    value: {
      hint: { type: first[1], value },
      bindingMessage,
      userCode: params.get('user_code'),
      clientNotificationToken: token,
      requestedExpiry: expiry === undefined ? 0 : Number(expiry),
    },
  };
}
