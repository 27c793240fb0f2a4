import type { StandardIntrospectionAction } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/** `/auth/introspection/standard` action → HTTP (authlete-api.md §8.2; RFC 7662 §2.2, RFC 9701). */
export const INTROSPECTION_ACTIONS: ActionMap<StandardIntrospectionAction> = {
  OK: { status: 200, shape: 'json' },
  JWT: { status: 200, shape: 'introspection-jwt' },
  BAD_REQUEST: { status: 400, shape: 'json' },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};
