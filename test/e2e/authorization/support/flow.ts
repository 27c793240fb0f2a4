import { createHash, randomBytes } from 'node:crypto';
import type { Browser } from '../../../support/browser';
import { formOf } from '../../../support/pages';

/** The demo confidential client of config/engine.json. */
export const DEMO_WEB = {
  clientId: 'demo-web',
  secret: 'demo-web-secret',
  redirectUri: 'http://localhost:3000/callback',
};

/** A PKCE pair (RFC 7636 §4.1, §4.2). */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Builds an authorization request path for demo-web with the given extra parameters. */
export function authorizationPath(extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: DEMO_WEB.clientId,
    redirect_uri: DEMO_WEB.redirectUri,
    scope: 'openid profile email',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    ...extra,
  });
  return `/api/authorization?${params.toString()}`;
}

/**
 * Follows the 303 See Other a decision post answers with when the next step is a page of the
 * server (Post/Redirect/Get), as a browser does; any other response is returned as it is.
 */
export async function followSeeOther(browser: Browser, response: Response): Promise<Response> {
  const location = response.headers.get('location');
  if (response.status !== 303 || location === null) return response;
  const target = new URL(location, browser.baseUrl);
  if (target.origin !== new URL(browser.baseUrl).origin) return response;
  return browser.get(target.pathname + target.search);
}

/** Posts the login form of a page, following the server's 303 to the next page. */
export async function submitLogin(
  browser: Browser,
  html: string,
  username: string,
  password: string,
): Promise<Response> {
  const form = formOf(html);
  const response = await browser.post('/api/authorization/decision', {
    ...form,
    username,
    password,
    decision: 'login',
  });
  return followSeeOther(browser, response);
}

/** Posts the consent form of a page, following the server's 303 to the next page. */
export async function submitConsent(
  browser: Browser,
  html: string,
  decision: 'approve' | 'deny',
): Promise<Response> {
  const response = await browser.post('/api/authorization/decision', {
    ...formOf(html),
    decision,
  });
  return followSeeOther(browser, response);
}

/**
 * Runs a whole authorization as a user would (the shared {@link Browser.authorize}): login if
 * asked, approve if asked; returns the final redirect's parameters and which pages were shown.
 */
export async function authorizeAs(
  browser: Browser,
  path: string,
  user = { username: 'alice', password: 'alice-password' },
): Promise<{ params: URLSearchParams; pages: string[] }> {
  const url = new URL(path, browser.baseUrl);
  const outcome = await browser.authorize(`${url.origin}${url.pathname}`, url.searchParams, {
    user,
  });
  const pages = outcome.pages.map((page) => page.kind);
  if (outcome.kind === 'redirect') return { params: outcome.params, pages };
  throw new Error(`authorization ended as ${outcome.kind}: pages ${pages.join(', ')}`);
}
