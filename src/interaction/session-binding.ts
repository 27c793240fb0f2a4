import type { LoadedSession } from '../session/browser-sessions';
import { secretsEqual } from '../session/random-id';

/**
 * True when a page shown to session `boundTo` belongs to this browser session: it is the session,
 * or the session a sign-in (in this tab or another) replaced with this one.
 */
export function sessionHolds(session: LoadedSession, boundTo: string): boolean {
  return session.id === boundTo || session.session.previous?.id === boundTo;
}

/**
 * The CSRF check of a form post (OWASP synchronizer token): the page must belong to this browser
 * session ({@link sessionHolds}) and the token must be this session's, or that of the session it
 * replaced at sign-in when the page was shown to that one. A forged post knows neither token.
 */
export function verifiesForm(session: LoadedSession, boundTo: string, csrf: string): boolean {
  if (csrf === '' || !sessionHolds(session, boundTo)) return false;
  if (secretsEqual(csrf, session.session.csrf)) return true;
  const previous = session.session.previous;
  return previous?.id === boundTo && secretsEqual(csrf, previous.csrf);
}
