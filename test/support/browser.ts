import type { AuthorizationOutcome, AuthorizeOptions, VisitedPage } from './authorization-outcome';
import { type BrowserRequest, type BrowserTransport, fetchTransport } from './browser-transport';
import { CookieJar } from './cookie-jar';
import { pageLanguage, parseForms } from './html-forms';
import { classifyForms, formSubmission } from './page-forms';

export type { AuthorizationOutcome, AuthorizeOptions, VisitedPage } from './authorization-outcome';

const MAX_STEPS = 8;
const FORM = 'application/x-www-form-urlencoded';

/**
 * The one browser-less user agent of test/ and bench/: keeps cookies in a {@link CookieJar} (one
 * host, path `/`) and never follows redirects by itself. `get`/`post` send one request so each
 * redirect and page can be asserted; `authorize` plays a whole authorization request as a person
 * does: follows the server's redirects, fills the login form (any form with a password field),
 * presses the consent button (`name="decision"`), and stops as soon as a response leaves the
 * server for the client, as a redirect (RFC 6749 §4.1.2) or a form_post page.
 */
export class Browser {
  constructor(
    readonly baseUrl: string,
    readonly cookies: CookieJar = new CookieJar(),
    private readonly transport: BrowserTransport = fetchTransport,
  ) {}

  /** GET `path` (relative to the base URL) with the jar's cookies. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers });
  }

  /** POSTs `form` as `application/x-www-form-urlencoded` with the jar's cookies. */
  async post(
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = new URLSearchParams(form).toString();
    return this.send(path, { method: 'POST', headers: { 'content-type': FORM, ...headers }, body });
  }

  private async send(
    path: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { cookie: this.cookies.header() ?? '', ...init.headers },
    });
    this.cookies.store(response);
    return response;
  }

  private leavesServer(url: URL): boolean {
    return url.origin !== new URL(this.baseUrl).origin;
  }

  private async step(url: URL, request: Omit<BrowserRequest, 'headers'>) {
    const headers: Record<string, string> = { accept: 'text/html,application/json;q=0.9' };
    const cookie = this.cookies.header();
    if (cookie) headers.cookie = cookie;
    if (request.body !== undefined) headers['content-type'] = FORM;
    const response = await this.transport(url, { ...request, headers });
    this.cookies.store(response.setCookies);
    return response;
  }

  /** Sends an authorization request and plays the user through login and consent. */
  async authorize(
    endpoint: string,
    params: Record<string, string> | URLSearchParams,
    options: AuthorizeOptions = {},
  ): Promise<AuthorizationOutcome> {
    const query = new URLSearchParams(params);
    let url = new URL(endpoint);
    let request: Omit<BrowserRequest, 'headers'> = { method: 'GET' };
    if (options.method === 'POST') request = { method: 'POST', body: query.toString() };
    else url.search = query.toString();
    const pages: VisitedPage[] = [];
    for (let requests = 1; requests <= MAX_STEPS; requests += 1) {
      const response = await this.step(url, request);
      const location = response.header('location');
      if (response.status >= 300 && response.status < 400 && location !== undefined) {
        await response.text();
        const target = new URL(location, url);
        if (this.leavesServer(target)) {
          const fragment = target.hash.length > 1;
          const params = new URLSearchParams(fragment ? target.hash.slice(1) : target.search);
          const mode = fragment ? 'fragment' : 'query';
          return { kind: 'redirect', location: target, params, mode, pages, requests };
        }
        url = target;
        request = { method: 'GET' };
        continue;
      }
      const body = await response.text();
      const contentType = response.header('content-type') ?? '';
      const status = response.status;
      if (status >= 400 || !contentType.includes('html')) {
        return { kind: 'error', status, body, contentType, pages, requests };
      }
      const forms = parseForms(body);
      const outbound = forms.find(
        (form) => form.action !== '' && this.leavesServer(new URL(form.action, url)),
      );
      if (outbound) {
        const params = new URLSearchParams();
        for (const control of outbound.controls) params.append(control.name, control.value);
        const action = new URL(outbound.action, url).href;
        return { kind: 'form_post', action, params, pages, requests };
      }
      const kind = classifyForms(forms);
      pages.push({ kind, status, url: url.href, html: body, lang: pageLanguage(body), forms });
      if (kind === 'other') return { kind: 'error', status, body, contentType, pages, requests };
      if (kind === 'login' && !options.user && options.decision !== 'deny') {
        return { kind: 'login-required', pages, requests };
      }
      const form = forms.find((candidate) => classifyForms([candidate]) === kind)!;
      const submission = formSubmission(form, kind, options).toString();
      url = new URL(form.action || url.href, url);
      if (form.method === 'post') request = { method: 'POST', body: submission };
      else {
        url.search = submission;
        request = { method: 'GET' };
      }
    }
    throw new Error(`authorization did not finish within ${MAX_STEPS} requests`);
  }
}
