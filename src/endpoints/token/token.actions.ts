import type { TokenAction, TokenFailAction, TokenIssueAction } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/** Actions the token route can end with, after PASSWORD and the other hand-offs are resolved. */
export type TokenRouteAction =
  | Exclude<
      TokenAction,
      'PASSWORD' | 'TOKEN_EXCHANGE' | 'JWT_BEARER' | 'NATIVE_SSO' | 'ID_TOKEN_REISSUABLE'
    >
  | TokenIssueAction
  | TokenFailAction;

/**
 * `/auth/token` (and `/issue`, `/fail`) action → HTTP (authlete-api.md §6; RFC 6749 §5.1, §5.2).
 * INVALID_CLIENT is 401 with a Basic challenge when the client used the Authorization header,
 * else 400 (RFC 6749 §5.2). The service resolves PASSWORD, TOKEN_EXCHANGE, JWT_BEARER,
 * ID_TOKEN_REISSUABLE and NATIVE_SSO itself (token.service.ts) into OK or an error.
 */
export const TOKEN_ACTIONS: ActionMap<TokenRouteAction> = {
  OK: { status: 200, shape: 'json' },
  BAD_REQUEST: { status: 400, shape: 'json' },
  INVALID_CLIENT: {
    status: 401,
    shape: 'json',
    basicChallenge: { realm: 'token', statusWithoutBasic: 400 },
  },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};
