import type { ClientRegistrationAction } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/**
 * `/client/registration*` action → HTTP (authlete-java-common `ClientRegistrationResponse`;
 * RFC 7591 §3.2, RFC 7592 §2). A bad registration access token is 401 with an RFC 6750 §3
 * challenge (RFC 7592 §2: "as described in OAuth 2.0 Bearer Token Usage").
 */
export const REGISTRATION_ACTIONS: ActionMap<ClientRegistrationAction> = {
  CREATED: { status: 201, shape: 'json' },
  OK: { status: 200, shape: 'json' },
  UPDATED: { status: 200, shape: 'json' },
  DELETED: { status: 204, shape: 'empty' },
  BAD_REQUEST: { status: 400, shape: 'json' },
  UNAUTHORIZED: {
    status: 401,
    shape: 'json',
    challenge: 'Bearer realm="register", error="invalid_token"',
  },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};
