import type { DeviceAuthorizationAction } from '../../../src/authlete/types';
import {
  type ActionCase,
  type ExpectedResponse,
  FORM,
  basic,
  jsonResponse,
  relay,
} from './action-case';

const ERROR_JSON = (error: string): string => `{"error":"${error}","error_description":"x"}`;
const DEVICE_OK =
  '{"device_code":"dc-1","user_code":"BCDFGHJK","verification_uri":"http://localhost:8080/api/device","expires_in":600,"interval":5}';

/** Every `/device/authorization` action (Java `DeviceAuthorizationResponse.Action`). */
export const DEVICE_AUTHORIZATION_API_ACTIONS = {
  OK: true,
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<DeviceAuthorizationAction, true>;

function device(
  action: DeviceAuthorizationAction,
  content: string,
  expected: ExpectedResponse,
  withBasic = false,
): ActionCase {
  return {
    title: `device authorization ${action}${withBasic ? ' (Basic)' : ''} → ${expected.status}`,
    covers: action,
    request: {
      method: 'POST',
      path: '/api/device/authorization',
      headers: withBasic ? { ...FORM, authorization: basic('demo-web', 'demo-web-secret') } : FORM,
      body: 'client_id=demo-device&scope=openid%20profile',
    },
    replies: { 'device/authorization': { action, responseContent: content, ...relay(action) } },
    expected,
    sent: {
      'device/authorization': withBasic
        ? {
            parameters: 'client_id=demo-device&scope=openid%20profile',
            clientId: 'demo-web',
            clientSecret: 'demo-web-secret',
          }
        : { parameters: 'client_id=demo-device&scope=openid%20profile' },
    },
  };
}

/** `POST /api/device/authorization` (RFC 8628 §3.1, §3.2). */
export const DEVICE_AUTHORIZATION_CASES: readonly ActionCase[] = [
  device('OK', DEVICE_OK, jsonResponse(200, DEVICE_OK, 'OK')),
  device('OK', DEVICE_OK, jsonResponse(200, DEVICE_OK, 'OK'), true),
  device(
    'BAD_REQUEST',
    ERROR_JSON('invalid_scope'),
    jsonResponse(400, ERROR_JSON('invalid_scope'), 'BAD_REQUEST'),
  ),
  device(
    'UNAUTHORIZED',
    ERROR_JSON('invalid_client'),
    jsonResponse(401, ERROR_JSON('invalid_client'), 'UNAUTHORIZED', {
      wwwAuthenticate: 'Basic realm="device"',
    }),
    true,
  ),
  device(
    'INTERNAL_SERVER_ERROR',
    ERROR_JSON('server_error'),
    jsonResponse(500, ERROR_JSON('server_error'), 'INTERNAL_SERVER_ERROR'),
  ),
];
