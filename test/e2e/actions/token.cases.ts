import type { TokenAction, TokenFailAction, TokenIssueAction } from '../../../src/authlete/types';
import { type ActionCase, FORM, basic, jsonResponse, relay } from './action-case';

/** Every `/auth/token` action, so a new one fails to compile here until it gets a row. */
export const TOKEN_API_ACTIONS = {
  OK: true,
  BAD_REQUEST: true,
  INVALID_CLIENT: true,
  INTERNAL_SERVER_ERROR: true,
  PASSWORD: true,
  TOKEN_EXCHANGE: true,
  JWT_BEARER: true,
  ID_TOKEN_REISSUABLE: true,
  NATIVE_SSO: true,
} as const satisfies Record<TokenAction, true>;

/** Every `/auth/token/issue` and `/auth/token/fail` action. */
export const TOKEN_ISSUE_ACTIONS = {
  OK: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<TokenIssueAction, true>;
export const TOKEN_FAIL_ACTIONS = {
  BAD_REQUEST: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<TokenFailAction, true>;

const CLIENT = basic('demo-web', 'demo-web-secret');
export const TOKEN_JSON = '{"access_token":"at-1","token_type":"Bearer","expires_in":3600}';
export const ERROR_JSON = (error: string): string => `{"error":"${error}","error_description":"x"}`;

export const tokenRequest = (
  withBasic: boolean,
  body = 'grant_type=client_credentials',
): ActionCase['request'] => ({
  method: 'POST',
  path: '/api/token',
  headers: withBasic ? { ...FORM, authorization: CLIENT } : FORM,
  body,
});

/** `/auth/token` answered with one envelope; the map applies directly. */
function direct(
  action: TokenAction,
  responseContent: string,
  expected: ActionCase['expected'],
  withBasic = true,
): ActionCase {
  return {
    title: `${action}${withBasic ? '' : ' (no Basic)'} → ${expected.status}`,
    covers: action,
    request: tokenRequest(withBasic),
    replies: { 'auth/token': { action, responseContent, ...relay(action) } },
    expected,
  };
}

const PASSWORD_BODY = 'grant_type=password&username=alice&password=alice-password&scope=openid';
const WRONG_PASSWORD_BODY = 'grant_type=password&username=alice&password=nope';

function passwordCase(
  valid: boolean,
  api: 'auth/token/issue' | 'auth/token/fail',
  action: string,
  responseContent: string,
  status: number,
): ActionCase {
  const envelope = {
    action: 'PASSWORD',
    ticket: 'ticket-1',
    username: 'alice',
    password: valid ? 'alice-password' : 'nope',
    clientId: 1001,
    ...relay('PASSWORD'),
  };
  return {
    title: `PASSWORD (${valid ? 'valid' : 'wrong'} password) → ${api} ${action} → ${status}`,
    covers: action,
    request: tokenRequest(true, valid ? PASSWORD_BODY : WRONG_PASSWORD_BODY),
    replies: { 'auth/token': envelope, [api]: { action, responseContent } },
    calls: ['auth/token', api],
    // Authlete sends DPoP-Nonce and the attestation challenge on /auth/token; they must survive
    // the hand-off to /issue and /fail (authlete-api.md §3).
    expected: jsonResponse(status, responseContent, 'PASSWORD'),
  };
}

/**
 * The token endpoint table (authlete-api.md §6; RFC 6749 §5.1, §5.2). `covers` names the
 * TOKEN_ACTIONS entry for map-driven rows, or the `/auth/token` action the service resolves itself.
 */
export const TOKEN_CASES: readonly ActionCase[] = [
  direct('OK', TOKEN_JSON, jsonResponse(200, TOKEN_JSON, 'OK')),
  direct(
    'BAD_REQUEST',
    ERROR_JSON('invalid_grant'),
    jsonResponse(400, ERROR_JSON('invalid_grant'), 'BAD_REQUEST'),
  ),
  direct(
    'INVALID_CLIENT',
    ERROR_JSON('invalid_client'),
    jsonResponse(401, ERROR_JSON('invalid_client'), 'INVALID_CLIENT', {
      wwwAuthenticate: 'Basic realm="token"',
    }),
  ),
  direct(
    'INVALID_CLIENT',
    ERROR_JSON('invalid_client'),
    // RFC 6749 §5.2: without the Authorization header, 400 and no challenge.
    jsonResponse(400, ERROR_JSON('invalid_client'), 'INVALID_CLIENT'),
    false,
  ),
  direct(
    'INTERNAL_SERVER_ERROR',
    ERROR_JSON('server_error'),
    jsonResponse(500, ERROR_JSON('server_error'), 'INTERNAL_SERVER_ERROR'),
  ),
  passwordCase(true, 'auth/token/issue', 'OK', TOKEN_JSON, 200),
  passwordCase(true, 'auth/token/issue', 'INTERNAL_SERVER_ERROR', ERROR_JSON('server_error'), 500),
  passwordCase(false, 'auth/token/fail', 'BAD_REQUEST', ERROR_JSON('invalid_request'), 400),
  passwordCase(false, 'auth/token/fail', 'INTERNAL_SERVER_ERROR', ERROR_JSON('server_error'), 500),
];
