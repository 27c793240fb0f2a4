import type { RevocationAction } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/**
 * `/auth/revocation` action → HTTP (authlete-api.md §8.5; RFC 7009 §2.2). OK is an empty 200 (an
 * unknown token is not an error), or JavaScript when a JSONP callback was asked for.
 */
export const REVOCATION_ACTIONS: ActionMap<RevocationAction> = {
  OK: { status: 200, shape: 'jsonp' },
  INVALID_CLIENT: {
    status: 401,
    shape: 'json',
    basicChallenge: { realm: 'revocation', statusWithoutBasic: 401 },
  },
  BAD_REQUEST: { status: 400, shape: 'json' },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};
