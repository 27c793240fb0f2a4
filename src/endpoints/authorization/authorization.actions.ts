import type { AuthleteEnvelope } from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';
import type { DirectResponse } from '../../http/direct-response';
import type { ErrorKind } from '../../interaction/views/error.page';
import type { PageLocale } from '../../interaction/views/locales';

/** The Authlete actions the authorization routes relay. */
export type AuthorizationRouteAction =
  'LOCATION' | 'FORM' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';

/** What a browser's error page says instead of the JSON (see {@link AuthorizationErrorOutcome}). */
export interface ErrorPageHints {
  readonly kind: ErrorKind;
  readonly locale: PageLocale;
  readonly serviceName?: string;
  /** The stored request, to start it again (a same-origin path). */
  readonly restartPath?: string;
}

/**
 * BAD_REQUEST or INTERNAL_SERVER_ERROR from `/auth/authorization`, `/issue` or `/fail`:
 * `responseContent` is the JSON body for clients; a browser gets {@link page} instead.
 */
export interface AuthorizationErrorOutcome extends AuthleteEnvelope<
  'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR'
> {
  readonly page: ErrorPageHints;
}

/** What an authorization route returns: an Authlete outcome to relay, or a page. */
export type FlowOutcome =
  AuthleteEnvelope<'LOCATION' | 'FORM'> | AuthorizationErrorOutcome | DirectResponse;

/**
 * `/auth/authorization`, `/issue` and `/fail` action → HTTP (authlete-api.md §4.1–4.3):
 * LOCATION is a 302 to the client (RFC 6749 §4.1.2); FORM is Authlete's auto-submitting
 * form_post page, relayed as-is (OAuth 2.0 Form Post Response Mode §2); BAD_REQUEST (no usable
 * redirect URI, or a stale ticket) is 400 and INTERNAL_SERVER_ERROR 500, both with
 * `responseContent` as the JSON body and never a redirect. A browser (`Accept` preferring
 * `text/html`) gets the same status as an HTML page instead (`BrowserErrorPages`).
 */
export const AUTHORIZATION_ACTIONS: ActionMap<AuthorizationRouteAction> = {
  LOCATION: { status: 302, shape: 'location' },
  FORM: { status: 200, shape: 'html' },
  BAD_REQUEST: { status: 400, shape: 'json' },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};
