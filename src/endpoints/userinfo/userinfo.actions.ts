import type { UserInfoIssueAction } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/**
 * `/auth/userinfo` + `/auth/userinfo/issue` action → HTTP (authlete-api.md §8.3, §8.4;
 * OIDC Core §5.3.2, §5.3.3; RFC 6750 §3). Errors carry only a `WWW-Authenticate` challenge.
 */
export const USERINFO_ACTIONS: ActionMap<UserInfoIssueAction> = {
  JSON: { status: 200, shape: 'json' },
  JWT: { status: 200, shape: 'jwt' },
  BAD_REQUEST: { status: 400, shape: 'challenge' },
  UNAUTHORIZED: { status: 401, shape: 'challenge' },
  FORBIDDEN: { status: 403, shape: 'challenge' },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'challenge' },
};
