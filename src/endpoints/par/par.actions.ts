import type { PushedAuthReqAction } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/** `/pushed_auth_req` action → HTTP (authlete-api.md §8.8; RFC 9126 §2.2, §2.3). */
export const PAR_ACTIONS: ActionMap<PushedAuthReqAction> = {
  CREATED: { status: 201, shape: 'json' },
  BAD_REQUEST: { status: 400, shape: 'json' },
  UNAUTHORIZED: {
    status: 401,
    shape: 'json',
    basicChallenge: { realm: 'par', statusWithoutBasic: 401 },
  },
  FORBIDDEN: { status: 403, shape: 'json' },
  PAYLOAD_TOO_LARGE: { status: 413, shape: 'json' },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};
