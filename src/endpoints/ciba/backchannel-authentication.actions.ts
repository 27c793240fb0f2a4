import type { ActionMap } from '../../http/action-map.types';

/**
 * The actions the backchannel authentication endpoint relays: `/backchannel/authentication`
 * (BAD_REQUEST, UNAUTHORIZED, INTERNAL_SERVER_ERROR), `/issue` (OK) and `/fail` (BAD_REQUEST,
 * FORBIDDEN, INTERNAL_SERVER_ERROR). USER_IDENTIFICATION never reaches the client, and an
 * INVALID_TICKET from `/issue` is answered as INTERNAL_SERVER_ERROR.
 */
export type BackchannelRouteAction =
  'OK' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

/**
 * Action → HTTP of `POST /api/backchannel/authentication` (OpenID Connect CIBA Core 1.0 §7.3,
 * §13): OK is the 200 JSON body with `auth_req_id`, `expires_in` and `interval`; errors are JSON
 * bodies with their CIBA §13 status (400, 401 with a Basic challenge, 403, 500).
 */
export const BACKCHANNEL_AUTHENTICATION_ACTIONS: ActionMap<BackchannelRouteAction> = {
  OK: { status: 200, shape: 'json' },
  BAD_REQUEST: { status: 400, shape: 'json' },
  UNAUTHORIZED: {
    status: 401,
    shape: 'json',
    basicChallenge: { realm: 'backchannel', statusWithoutBasic: 401 },
  },
  FORBIDDEN: { status: 403, shape: 'json' },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};
