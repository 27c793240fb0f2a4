import type { GMResponseAction } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/**
 * `/gm` action → HTTP (authlete-java-common `GMResponse`; FAPI Grant Management for OAuth 2.0 §6):
 * the grant as JSON, 204 once revoked, and for every error the RFC 6750 §3 challenge Authlete
 * built in `WWW-Authenticate` with no body. `DPoP-Nonce` is relayed on every action.
 */
export const GRANT_MANAGEMENT_ACTIONS: ActionMap<GMResponseAction> = {
  OK: { status: 200, shape: 'json' },
  NO_CONTENT: { status: 204, shape: 'empty' },
  UNAUTHORIZED: { status: 401, shape: 'challenge' },
  FORBIDDEN: { status: 403, shape: 'challenge' },
  NOT_FOUND: { status: 404, shape: 'challenge' },
  CALLER_ERROR: { status: 500, shape: 'challenge' },
  AUTHLETE_ERROR: { status: 500, shape: 'challenge' },
};
