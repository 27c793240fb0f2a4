import type { GMResponseAction } from '../../../src/authlete/types';
import { type ActionCase, type ExpectedResponse, relay } from '../actions/action-case';

const GRANT = '{"scopes":[{"scope":"openid read"}],"claims":["email"]}';
const challenge = (error: string): string => `Bearer error="${error}",error_description="x"`;

function expected(
  status: number,
  action: GMResponseAction,
  overrides: Partial<ExpectedResponse>,
): ExpectedResponse {
  return {
    status,
    contentType: null,
    location: null,
    wwwAuthenticate: null,
    dpopNonce: relay(action).dpopNonce,
    attestationChallenge: relay(action).attestationChallenge,
    body: '',
    ...overrides,
  };
}

function row(
  method: 'GET' | 'DELETE',
  action: GMResponseAction,
  content: string | undefined,
  response: ExpectedResponse,
): ActionCase {
  return {
    title: `${method} /api/gm/grant-1: ${action} → ${response.status}`,
    covers: action,
    request: {
      method: method as 'GET',
      path: '/api/gm/grant-1',
      headers: { authorization: 'Bearer at-1' },
    },
    replies: {
      gm: {
        action,
        ...(content === undefined ? {} : { responseContent: content }),
        ...relay(action),
      },
    },
    expected: response,
  };
}

/** Every `GMResponse.Action`, through GET (QUERY) and DELETE (REVOKE). */
export const GRANT_MANAGEMENT_CASES: readonly ActionCase[] = [
  row(
    'GET',
    'OK',
    GRANT,
    expected(200, 'OK', { contentType: 'application/json;charset=UTF-8', body: GRANT }),
  ),
  row('DELETE', 'NO_CONTENT', undefined, expected(204, 'NO_CONTENT', {})),
  row(
    'GET',
    'UNAUTHORIZED',
    challenge('invalid_token'),
    expected(401, 'UNAUTHORIZED', { wwwAuthenticate: challenge('invalid_token') }),
  ),
  row(
    'DELETE',
    'FORBIDDEN',
    challenge('insufficient_scope'),
    expected(403, 'FORBIDDEN', { wwwAuthenticate: challenge('insufficient_scope') }),
  ),
  row(
    'GET',
    'NOT_FOUND',
    challenge('invalid_grant'),
    expected(404, 'NOT_FOUND', { wwwAuthenticate: challenge('invalid_grant') }),
  ),
  row(
    'GET',
    'CALLER_ERROR',
    challenge('server_error'),
    expected(500, 'CALLER_ERROR', { wwwAuthenticate: challenge('server_error') }),
  ),
  row(
    'DELETE',
    'AUTHLETE_ERROR',
    challenge('server_error'),
    expected(500, 'AUTHLETE_ERROR', { wwwAuthenticate: challenge('server_error') }),
  ),
];

/** `GMResponse.Action` (authlete-java-common). */
export const GM_API_ACTIONS: Record<GMResponseAction, true> = {
  OK: true,
  NO_CONTENT: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  CALLER_ERROR: true,
  AUTHLETE_ERROR: true,
};
