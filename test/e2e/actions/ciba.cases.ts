import type {
  BackchannelAuthenticationAction,
  BackchannelAuthenticationFailAction,
  BackchannelAuthenticationIssueAction,
} from '../../../src/authlete/types';
import {
  type ActionCase,
  type ExpectedResponse,
  FORM,
  basic,
  jsonResponse,
  relay,
} from './action-case';

const ERROR_JSON = (error: string): string => `{"error":"${error}","error_description":"x"}`;
const ISSUED = '{"auth_req_id":"arid-1","expires_in":600,"interval":5}';
const PATH = '/api/backchannel/authentication';
const CLIENT = basic('demo-ciba', 'demo-ciba-secret');

/** Every action of the three CIBA APIs the endpoint calls. */
export const BACKCHANNEL_API_ACTIONS = {
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  INTERNAL_SERVER_ERROR: true,
  USER_IDENTIFICATION: true,
} as const satisfies Record<BackchannelAuthenticationAction, true>;
export const BACKCHANNEL_ISSUE_API_ACTIONS = {
  OK: true,
  INTERNAL_SERVER_ERROR: true,
  INVALID_TICKET: true,
} as const satisfies Record<BackchannelAuthenticationIssueAction, true>;
export const BACKCHANNEL_FAIL_API_ACTIONS = {
  BAD_REQUEST: true,
  FORBIDDEN: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<BackchannelAuthenticationFailAction, true>;

const request = (hint: string): ActionCase['request'] => ({
  method: 'POST',
  path: PATH,
  headers: { ...FORM, authorization: CLIENT },
  body: `scope=openid&login_hint=${hint}&binding_message=W4SCT`,
});

const identified = (hint: string) => ({
  action: 'USER_IDENTIFICATION',
  ticket: 'ticket-1',
  clientIdAlias: 'demo-ciba',
  clientName: 'Demo Call Centre',
  deliveryMode: 'POLL',
  hintType: 'LOGIN_HINT',
  hint,
  bindingMessage: 'W4SCT',
  scopes: [{ name: 'openid' }],
});

function direct(
  action: BackchannelAuthenticationAction,
  covers: string,
  expected: ExpectedResponse,
): ActionCase {
  return {
    title: `backchannel ${action} → ${expected.status}`,
    covers,
    request: request('alice'),
    replies: {
      'backchannel/authentication': { action, responseContent: expected.body, ...relay(action) },
    },
    expected,
    sent: {
      'backchannel/authentication': {
        parameters: 'scope=openid&login_hint=alice&binding_message=W4SCT',
        clientId: 'demo-ciba',
        clientSecret: 'demo-ciba-secret',
      },
    },
  };
}

function issue(
  action: BackchannelAuthenticationIssueAction,
  expected: ExpectedResponse,
  content?: string,
): ActionCase {
  return {
    title: `USER_IDENTIFICATION (alice) → /issue ${action} → ${expected.status}`,
    covers: expected.status === 200 ? 'OK' : 'INTERNAL_SERVER_ERROR',
    request: request('alice'),
    replies: {
      'backchannel/authentication': identified('alice'),
      'backchannel/authentication/issue': {
        action,
        responseContent: content,
        authReqId: 'arid-1',
        expiresIn: 600,
        interval: 5,
        ...relay(action),
      },
    },
    expected,
    sent: { 'backchannel/authentication/issue': { ticket: 'ticket-1' } },
  };
}

function fail(action: BackchannelAuthenticationFailAction, expected: ExpectedResponse): ActionCase {
  return {
    title: `USER_IDENTIFICATION (unknown user) → /fail ${action} → ${expected.status}`,
    covers: action,
    request: request('nobody'),
    replies: {
      'backchannel/authentication': identified('nobody'),
      'backchannel/authentication/fail': {
        action,
        responseContent: expected.body,
        ...relay(action),
      },
    },
    expected,
    sent: { 'backchannel/authentication/fail': { ticket: 'ticket-1', reason: 'UNKNOWN_USER_ID' } },
  };
}

/** `POST /api/backchannel/authentication` (OpenID Connect CIBA Core 1.0 §7, §13). */
export const BACKCHANNEL_CASES: readonly ActionCase[] = [
  direct(
    'BAD_REQUEST',
    'BAD_REQUEST',
    jsonResponse(400, ERROR_JSON('invalid_request'), 'BAD_REQUEST'),
  ),
  direct(
    'UNAUTHORIZED',
    'UNAUTHORIZED',
    jsonResponse(401, ERROR_JSON('invalid_client'), 'UNAUTHORIZED', {
      wwwAuthenticate: 'Basic realm="backchannel"',
    }),
  ),
  direct(
    'INTERNAL_SERVER_ERROR',
    'INTERNAL_SERVER_ERROR',
    jsonResponse(500, ERROR_JSON('server_error'), 'INTERNAL_SERVER_ERROR'),
  ),
  issue('OK', jsonResponse(200, ISSUED, 'OK'), ISSUED),
  issue(
    'INTERNAL_SERVER_ERROR',
    jsonResponse(500, ERROR_JSON('server_error'), 'INTERNAL_SERVER_ERROR'),
    ERROR_JSON('server_error'),
  ),
  issue(
    'INVALID_TICKET',
    jsonResponse(
      500,
      '{"error":"server_error","error_description":"The request could not be issued."}',
      'INVALID_TICKET',
    ),
  ),
  fail('BAD_REQUEST', jsonResponse(400, ERROR_JSON('unknown_user_id'), 'BAD_REQUEST')),
  fail('FORBIDDEN', jsonResponse(403, ERROR_JSON('access_denied'), 'FORBIDDEN')),
  fail(
    'INTERNAL_SERVER_ERROR',
    jsonResponse(500, ERROR_JSON('server_error'), 'INTERNAL_SERVER_ERROR'),
  ),
];
