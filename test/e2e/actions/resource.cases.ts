import type {
  PushedAuthReqAction,
  RevocationAction,
  StandardIntrospectionAction,
  UserInfoAction,
  UserInfoIssueAction,
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

// ---------------------------------------------------------------- introspection (RFC 7662, 9701)

const RESOURCE_SERVER = basic('demo-rs', 'demo-rs-secret');
const ACTIVE = '{"active":true,"sub":"1001","scope":"openid","client_id":"demo-web"}';
const SIGNED = 'eyJhbGciOiJSUzI1NiIsInR5cCI6InRva2VuLWludHJvc3BlY3Rpb24rand0In0.e30.c2ln';

function introspection(
  action: StandardIntrospectionAction,
  content: string,
  expected: ExpectedResponse,
  accept?: string,
): ActionCase {
  return {
    title: `introspection ${action} → ${expected.status}`,
    covers: action,
    request: {
      method: 'POST',
      path: '/api/introspection',
      headers: { ...FORM, authorization: RESOURCE_SERVER, ...(accept ? { accept } : {}) },
      body: 'token=at-1&token_type_hint=access_token',
    },
    replies: {
      'auth/introspection/standard': { action, responseContent: content, ...relay(action) },
    },
    expected,
  };
}

export const INTROSPECTION_CASES: readonly ActionCase[] = [
  introspection('OK', ACTIVE, jsonResponse(200, ACTIVE, 'OK')),
  introspection(
    'JWT',
    SIGNED,
    jsonResponse(200, SIGNED, 'JWT', { contentType: 'application/token-introspection+jwt' }),
    'application/token-introspection+jwt',
  ),
  introspection(
    'BAD_REQUEST',
    ERROR_JSON('invalid_request'),
    jsonResponse(400, ERROR_JSON('invalid_request'), 'BAD_REQUEST'),
  ),
  introspection(
    'INTERNAL_SERVER_ERROR',
    ERROR_JSON('server_error'),
    jsonResponse(500, ERROR_JSON('server_error'), 'INTERNAL_SERVER_ERROR'),
  ),
];

/** Compile-time list of every `/auth/introspection/standard` action. */
export const INTROSPECTION_API_ACTIONS = {
  OK: true,
  JWT: true,
  BAD_REQUEST: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<StandardIntrospectionAction, true>;

// ------------------------------------------------------------------------- revocation (RFC 7009)

const CLIENT = basic('demo-web', 'demo-web-secret');

function revocation(
  action: RevocationAction,
  content: string | undefined,
  expected: ExpectedResponse,
  withBasic = true,
  body = 'token=rt-1&token_type_hint=refresh_token',
): ActionCase {
  return {
    title: `revocation ${action}${withBasic ? '' : ' (no Basic)'}${content?.startsWith('cb(') ? ' (JSONP)' : ''} → ${expected.status}`,
    covers: action,
    request: {
      method: 'POST',
      path: '/api/revocation',
      headers: withBasic ? { ...FORM, authorization: CLIENT } : FORM,
      body,
    },
    replies: {
      'auth/revocation': {
        action,
        ...(content === undefined ? {} : { responseContent: content }),
        ...relay(action),
      },
    },
    expected,
  };
}

const REVOKE_CHALLENGE = 'Basic realm="revocation"';

export const REVOCATION_CASES: readonly ActionCase[] = [
  // RFC 7009 §2.2: revoked or unknown, the answer is an empty 200.
  revocation('OK', undefined, jsonResponse(200, '', 'OK', { contentType: null })),
  // Legacy JSONP (RFC 7009 §2.3 callback): Authlete builds the script.
  revocation(
    'OK',
    'cb({});',
    jsonResponse(200, 'cb({});', 'OK', {
      contentType: 'application/javascript;charset=UTF-8',
    }),
    true,
    'token=rt-1&callback=cb',
  ),
  revocation(
    'INVALID_CLIENT',
    ERROR_JSON('invalid_client'),
    jsonResponse(401, ERROR_JSON('invalid_client'), 'INVALID_CLIENT', {
      wwwAuthenticate: REVOKE_CHALLENGE,
    }),
  ),
  // A 401 always carries a challenge (RFC 9110 §15.5.2), even when the client used the form.
  revocation(
    'INVALID_CLIENT',
    ERROR_JSON('invalid_client'),
    jsonResponse(401, ERROR_JSON('invalid_client'), 'INVALID_CLIENT', {
      wwwAuthenticate: REVOKE_CHALLENGE,
    }),
    false,
    'token=rt-1&client_id=demo-web&client_secret=wrong',
  ),
  revocation(
    'BAD_REQUEST',
    ERROR_JSON('invalid_request'),
    jsonResponse(400, ERROR_JSON('invalid_request'), 'BAD_REQUEST'),
  ),
  revocation(
    'INTERNAL_SERVER_ERROR',
    ERROR_JSON('server_error'),
    jsonResponse(500, ERROR_JSON('server_error'), 'INTERNAL_SERVER_ERROR'),
  ),
];

export const REVOCATION_API_ACTIONS = {
  OK: true,
  INVALID_CLIENT: true,
  BAD_REQUEST: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<RevocationAction, true>;

// -------------------------------------------------------------------- userinfo (OIDC Core §5.3)

const USERINFO_JSON = '{"sub":"1001","name":"Alice Adams","email":"alice@example.com"}';
const USERINFO_JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDAxIn0.c2ln';
const CHALLENGE = (error: string): string =>
  `Bearer error="${error}",error_description="[A0] x",scope="openid"`;

const USERINFO_OK = {
  action: 'OK',
  subject: '1001',
  claims: ['name', 'email'],
  token: 'at-1',
  ...relay('OK'),
};

const bearerRequest = (method: 'GET' | 'POST'): ActionCase['request'] =>
  method === 'GET'
    ? { method, path: '/api/userinfo', headers: { authorization: 'Bearer at-1' } }
    : { method, path: '/api/userinfo', headers: FORM, body: 'access_token=at-1' };

/** `/auth/userinfo` OK, then `/auth/userinfo/issue` answers `action`. */
function issued(
  action: UserInfoIssueAction,
  content: string,
  expected: ExpectedResponse,
  method: 'GET' | 'POST' = 'GET',
): ActionCase {
  return {
    title: `userinfo ${method} OK → issue ${action} → ${expected.status}`,
    covers: action,
    request: bearerRequest(method),
    replies: {
      'auth/userinfo': USERINFO_OK,
      'auth/userinfo/issue': { action, responseContent: content },
    },
    expected,
  };
}

/** `/auth/userinfo` itself refuses the token: a bare challenge, no body (RFC 6750 §3). */
function refused(action: Exclude<UserInfoAction, 'OK'>, status: number, error: string): ActionCase {
  return {
    title: `userinfo ${action} → ${status} challenge`,
    covers: action,
    request: bearerRequest('GET'),
    replies: { 'auth/userinfo': { action, responseContent: CHALLENGE(error), ...relay(action) } },
    expected: challenged(status, error, action),
  };
}

function challenged(status: number, error: string, relayedFrom: string): ExpectedResponse {
  return jsonResponse(status, '', relayedFrom, {
    contentType: null,
    wwwAuthenticate: CHALLENGE(error),
  });
}

export const USERINFO_CASES: readonly ActionCase[] = [
  issued('JSON', USERINFO_JSON, jsonResponse(200, USERINFO_JSON, 'OK')),
  issued('JSON', USERINFO_JSON, jsonResponse(200, USERINFO_JSON, 'OK'), 'POST'),
  issued(
    'JWT',
    USERINFO_JWT,
    jsonResponse(200, USERINFO_JWT, 'OK', { contentType: 'application/jwt' }),
  ),
  issued('BAD_REQUEST', CHALLENGE('invalid_request'), challenged(400, 'invalid_request', 'OK')),
  issued('UNAUTHORIZED', CHALLENGE('invalid_token'), challenged(401, 'invalid_token', 'OK')),
  issued('FORBIDDEN', CHALLENGE('insufficient_scope'), challenged(403, 'insufficient_scope', 'OK')),
  issued('INTERNAL_SERVER_ERROR', CHALLENGE('server_error'), challenged(500, 'server_error', 'OK')),
  refused('BAD_REQUEST', 400, 'invalid_request'),
  refused('UNAUTHORIZED', 401, 'invalid_token'),
  refused('FORBIDDEN', 403, 'insufficient_scope'),
  refused('INTERNAL_SERVER_ERROR', 500, 'server_error'),
];

export const USERINFO_API_ACTIONS = {
  OK: true,
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<UserInfoAction, true>;

// ------------------------------------------------------------------------------ PAR (RFC 9126)

const PAR_CREATED = '{"expires_in":600,"request_uri":"urn:ietf:params:oauth:request_uri:abc"}';

function par(
  action: PushedAuthReqAction,
  content: string,
  expected: ExpectedResponse,
  withBasic = true,
): ActionCase {
  return {
    title: `par ${action}${withBasic ? '' : ' (no Basic)'} → ${expected.status}`,
    covers: action,
    request: {
      method: 'POST',
      path: '/api/par',
      headers: withBasic ? { ...FORM, authorization: CLIENT } : FORM,
      body: 'response_type=code&client_id=demo-web&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&scope=openid',
    },
    replies: { pushed_auth_req: { action, responseContent: content, ...relay(action) } },
    expected,
  };
}

export const PAR_CASES: readonly ActionCase[] = [
  par('CREATED', PAR_CREATED, jsonResponse(201, PAR_CREATED, 'CREATED')),
  par(
    'BAD_REQUEST',
    ERROR_JSON('invalid_request'),
    jsonResponse(400, ERROR_JSON('invalid_request'), 'BAD_REQUEST'),
  ),
  par(
    'UNAUTHORIZED',
    ERROR_JSON('invalid_client'),
    jsonResponse(401, ERROR_JSON('invalid_client'), 'UNAUTHORIZED', {
      wwwAuthenticate: 'Basic realm="par"',
    }),
  ),
  par(
    'UNAUTHORIZED',
    ERROR_JSON('invalid_client'),
    jsonResponse(401, ERROR_JSON('invalid_client'), 'UNAUTHORIZED', {
      wwwAuthenticate: 'Basic realm="par"',
    }),
    false,
  ),
  par(
    'FORBIDDEN',
    ERROR_JSON('unauthorized_client'),
    jsonResponse(403, ERROR_JSON('unauthorized_client'), 'FORBIDDEN'),
  ),
  par(
    'PAYLOAD_TOO_LARGE',
    ERROR_JSON('invalid_request'),
    jsonResponse(413, ERROR_JSON('invalid_request'), 'PAYLOAD_TOO_LARGE'),
  ),
  par(
    'INTERNAL_SERVER_ERROR',
    ERROR_JSON('server_error'),
    jsonResponse(500, ERROR_JSON('server_error'), 'INTERNAL_SERVER_ERROR'),
  ),
];

export const PAR_API_ACTIONS = {
  CREATED: true,
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  PAYLOAD_TOO_LARGE: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<PushedAuthReqAction, true>;
