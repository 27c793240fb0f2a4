import type { ClientRegistrationAction } from '../../../src/authlete/types';
import { type ActionCase, type ExpectedResponse, jsonResponse } from '../actions/action-case';

const JSON_HEADERS = { 'content-type': 'application/json' } as const;
const CLIENT =
  '{"client_id":"1234567890123","client_secret":"s","redirect_uris":["https://rp.example.com/cb"]}';
const ERROR = (error: string): string => `{"error_description":"x","error":"${error}"}`;
const METADATA = '{"redirect_uris":["https://rp.example.com/cb"]}';

type Route = 'register' | 'read' | 'update' | 'delete';

const ROUTES: Record<Route, { method: string; api: string; path: string; body?: string }> = {
  register: { method: 'POST', api: 'client/registration', path: '/api/register', body: METADATA },
  read: { method: 'GET', api: 'client/registration/get', path: '/api/register/1234567890123' },
  update: {
    method: 'PUT',
    api: 'client/registration/update',
    path: '/api/register/1234567890123',
    body: METADATA,
  },
  delete: {
    method: 'DELETE',
    api: 'client/registration/delete',
    path: '/api/register/1234567890123',
  },
};

function row(
  route: Route,
  action: ClientRegistrationAction,
  content: string | undefined,
  expected: ExpectedResponse,
): ActionCase {
  const target = ROUTES[route];
  return {
    title: `${target.method} ${target.path}: ${action} → ${expected.status}`,
    covers: action,
    request: {
      method: target.method as 'GET' | 'POST',
      path: target.path,
      headers: {
        authorization: 'Bearer rat-1',
        ...(target.body === undefined ? {} : JSON_HEADERS),
      },
      body: target.body,
    },
    replies: {
      [target.api]: content === undefined ? { action } : { action, responseContent: content },
    },
    expected,
  };
}

const CHALLENGE = 'Bearer realm="register", error="invalid_token"';
const json = (status: number, body: string, overrides: Partial<ExpectedResponse> = {}) =>
  jsonResponse(status, body, null, overrides);

/** Every action of every registration API, through the route that calls it. */
export const REGISTRATION_CASES: readonly ActionCase[] = [
  row('register', 'CREATED', CLIENT, json(201, CLIENT)),
  row(
    'register',
    'BAD_REQUEST',
    ERROR('invalid_redirect_uri'),
    json(400, ERROR('invalid_redirect_uri')),
  ),
  row(
    'register',
    'UNAUTHORIZED',
    ERROR('invalid_token'),
    json(401, ERROR('invalid_token'), { wwwAuthenticate: CHALLENGE }),
  ),
  row('register', 'INTERNAL_SERVER_ERROR', ERROR('server_error'), json(500, ERROR('server_error'))),
  row('read', 'OK', CLIENT, json(200, CLIENT)),
  row('read', 'BAD_REQUEST', ERROR('invalid_request'), json(400, ERROR('invalid_request'))),
  row(
    'read',
    'UNAUTHORIZED',
    ERROR('invalid_token'),
    json(401, ERROR('invalid_token'), { wwwAuthenticate: CHALLENGE }),
  ),
  row('read', 'INTERNAL_SERVER_ERROR', ERROR('server_error'), json(500, ERROR('server_error'))),
  row('update', 'UPDATED', CLIENT, json(200, CLIENT)),
  row(
    'update',
    'BAD_REQUEST',
    ERROR('invalid_client_metadata'),
    json(400, ERROR('invalid_client_metadata')),
  ),
  row(
    'update',
    'UNAUTHORIZED',
    ERROR('invalid_token'),
    json(401, ERROR('invalid_token'), { wwwAuthenticate: CHALLENGE }),
  ),
  row('update', 'INTERNAL_SERVER_ERROR', ERROR('server_error'), json(500, ERROR('server_error'))),
  row('delete', 'DELETED', undefined, { ...json(204, ''), contentType: null }),
  row('delete', 'BAD_REQUEST', ERROR('invalid_request'), json(400, ERROR('invalid_request'))),
  row(
    'delete',
    'UNAUTHORIZED',
    ERROR('invalid_token'),
    json(401, ERROR('invalid_token'), { wwwAuthenticate: CHALLENGE }),
  ),
  row('delete', 'INTERNAL_SERVER_ERROR', ERROR('server_error'), json(500, ERROR('server_error'))),
];

/** `ClientRegistrationResponse.Action` (authlete-java-common). */
export const REGISTRATION_API_ACTIONS: Record<ClientRegistrationAction, true> = {
  CREATED: true,
  OK: true,
  UPDATED: true,
  DELETED: true,
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  INTERNAL_SERVER_ERROR: true,
};

/** What each route must send to Authlete (the `ClientRegistrationRequest` members). */
export const REGISTRATION_SENT: Record<string, object> = {
  'client/registration': { json: METADATA },
  'client/registration/get': { clientId: '1234567890123', token: 'rat-1' },
  'client/registration/update': { clientId: '1234567890123', token: 'rat-1', json: METADATA },
  'client/registration/delete': { clientId: '1234567890123', token: 'rat-1' },
};
