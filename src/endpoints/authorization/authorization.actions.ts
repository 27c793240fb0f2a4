import type { AuthleteEnvelope } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';
import type { DirectResponse } from '../../http/direct-response';

/** The Authlete actions the authorization routes relay; every other outcome is a page. */
export type AuthorizationRouteAction = 'LOCATION' | 'FORM';

/** What an authorization route returns: a redirect/form_post from Authlete, or a page. */
export type FlowOutcome = AuthleteEnvelope<AuthorizationRouteAction> | DirectResponse;

/**
 * `/auth/authorization`, `/issue` and `/fail` action → HTTP (authlete-api.md §4.1–4.3):
 * LOCATION is a 302 to the client (RFC 6749 §4.1.2); FORM is Authlete's auto-submitting
 * form_post page, relayed as-is (OAuth 2.0 Form Post Response Mode §2). BAD_REQUEST and
 * INTERNAL_SERVER_ERROR become HTML error pages in the service, never redirects.
 */
export const AUTHORIZATION_ACTIONS: ActionMap<AuthorizationRouteAction> = {
  LOCATION: { status: 302, shape: 'location' },
  FORM: { status: 200, shape: 'html' },
};
