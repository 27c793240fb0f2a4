import { Writable } from 'node:stream';
import { Browser } from '../../../support/browser';
import { formOf, pageKind, redirectParams } from '../../../support/pages';
import {
  authorizationPath,
  submitConsent,
  submitLogin,
} from '../../../e2e/authorization/support/flow';

/** Collects log lines written by the app (pino's destination). */
export class LogCapture extends Writable {
  private readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

/** What the login form answered. */
export interface LoginAnswer {
  readonly status: number;
  readonly html: string;
  readonly browser: Browser;
}

/** Opens the login page of a fresh authorization request and submits it once. */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<LoginAnswer> {
  const browser = new Browser(baseUrl);
  const page = await browser.get(authorizationPath({ prompt: 'consent', ...extra }));
  const html = await page.text();
  expect(pageKind(html)).toBe('login');
  formOf(html);
  const answer = await submitLogin(browser, html, username, password);
  return { status: answer.status, html: await answer.text(), browser };
}

/** Signs in, approves the consent page, and returns the authorization code. */
export async function codeFor(
  baseUrl: string,
  username: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<string> {
  const login = await signIn(baseUrl, username, password, extra);
  expect(pageKind(login.html)).toBe('consent');
  const redirect = await submitConsent(login.browser, login.html, 'approve');
  return redirectParams(redirect).get('code') ?? '';
}

/** The demo password-grant client of config/engine.json (RFC 6749 §4.3). */
export async function passwordGrant(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from('demo-legacy:demo-legacy-secret').toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'password', username, password, scope: 'openid' }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}
