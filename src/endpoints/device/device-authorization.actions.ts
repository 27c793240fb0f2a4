import type { DeviceAuthorizationAction } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/**
 * `/device/authorization` action → HTTP (RFC 8628 §3.2; Java `DeviceAuthorizationResponse`):
 * OK is the 200 JSON body with `device_code`, `user_code`, `verification_uri`, `expires_in` and
 * `interval`; the errors are RFC 6749 §5.2 bodies, `invalid_client` a 401 with a Basic challenge
 * when the client used the Authorization header.
 */
export const DEVICE_AUTHORIZATION_ACTIONS: ActionMap<DeviceAuthorizationAction> = {
  OK: { status: 200, shape: 'json' },
  BAD_REQUEST: { status: 400, shape: 'json' },
  UNAUTHORIZED: {
    status: 401,
    shape: 'json',
    basicChallenge: { realm: 'device', statusWithoutBasic: 401 },
  },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};
