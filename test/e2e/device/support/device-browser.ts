import type { Browser } from '../../../support/browser';
import { formOf } from '../../../support/pages';

/** The CSRF token of a page's form. */
export function csrfOf(html: string): string {
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1];
  if (csrf === undefined) throw new Error(`no csrf in page:\n${html.slice(0, 300)}`);
  return csrf;
}

/** Opens the verification page (RFC 8628 §3.3) and submits a typed code. */
export async function enterUserCode(browser: Browser, typed: string): Promise<Response> {
  const page = await (await browser.get('/api/device')).text();
  return browser.post('/api/device', { csrf: csrfOf(page), user_code: typed });
}

/** Signs in on the device login page. */
export async function deviceLogin(
  browser: Browser,
  html: string,
  username: string,
  password: string,
): Promise<Response> {
  return browser.post('/api/device', {
    ...formOf(html),
    username,
    password,
    decision: 'login',
  });
}

/** Approves or denies on the device consent page. */
export function deviceDecide(
  browser: Browser,
  html: string,
  decision: 'approve' | 'deny',
): Promise<Response> {
  return browser.post('/api/device', { ...formOf(html), decision });
}
