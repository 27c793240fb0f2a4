import { CookieJar } from '../../support/cookie-jar';
import { type HtmlForm, pageLanguage, parseForms } from './html-forms';
import type { TestUser } from './target';

/** A page the authorization server showed on the way. */
export interface VisitedPage {
  kind: 'login' | 'consent' | 'other';
  status: number;
  url: string;
  html: string;
  lang?: string;
  forms: HtmlForm[];
}

/** How an authorization request ended, as seen by a user agent. */
export type AuthorizationOutcome =
  | {
      /** The server sent the user agent to the client (a 302/303 whose target leaves the server). */
      kind: 'redirect';
      location: URL;
      /** Query parameters, or fragment parameters when the response used the fragment. */
      params: URLSearchParams;
      mode: 'query' | 'fragment';
      pages: VisitedPage[];
    }
  | {
      /** response_mode=form_post: an auto-submitting form aimed at the client. */
      kind: 'form_post';
      action: string;
      params: URLSearchParams;
      pages: VisitedPage[];
    }
  | {
      /** The server answered with an error of its own and did not redirect. */
      kind: 'error';
      status: number;
      body: string;
      contentType: string;
      pages: VisitedPage[];
    }
  | {
      /** A login page was shown but no user was given to log in with. */
      kind: 'login-required';
      pages: VisitedPage[];
    };

/** Options of {@link Browser.authorize}. */
export interface AuthorizeOptions {
  /** Who logs in when a login page appears; omit to stop at the login page. */
  user?: TestUser;
  /** What to press on the consent page (deny: also on the login page); default approve. */
  decision?: 'approve' | 'deny';
  /** Send the request as a form POST instead of a GET (OIDC Core §3.1.2.1). */
  method?: 'GET' | 'POST';
}

const MAX_STEPS = 8;

function classify(forms: HtmlForm[]): VisitedPage['kind'] {
  if (forms.some((form) => form.controls.some((control) => control.type === 'password'))) {
    return 'login';
  }
  if (forms.some((form) => form.controls.some((control) => control.name === 'decision'))) {
    return 'consent';
  }
  return 'other';
}

function submission(
  form: HtmlForm,
  kind: VisitedPage['kind'],
  options: AuthorizeOptions,
): URLSearchParams {
  const body = new URLSearchParams();
  let pressed = false;
  for (const control of form.controls) {
    if (control.tag === 'button' || control.type === 'submit') {
      if (pressed) continue;
      const wanted =
        kind === 'consent' || options.decision === 'deny'
          ? (options.decision ?? 'approve')
          : undefined;
      const acceptable =
        wanted !== undefined
          ? control.value === wanted
          : !/^(deny|cancel|abort)$/i.test(control.value);
      if (acceptable) {
        body.append(control.name, control.value);
        pressed = true;
      }
      continue;
    }
    if ((control.type === 'checkbox' || control.type === 'radio') && !control.checked) continue;
    if (control.type === 'password') body.append(control.name, options.user?.password ?? '');
    else if (control.name === 'username' || control.name === 'login') {
      body.append(control.name, options.user?.username ?? control.value);
    } else body.append(control.name, control.value);
  }
  return body;
}

/**
 * A browser-less user agent: follows the authorization server's redirects and pages, keeps its
 * cookies, fills the login form (any form with a password field) and presses the consent button
 * (`name="decision"`), reading hidden inputs generically. It stops as soon as a response leaves the
 * server for the client, as a redirect or as a form_post page.
 */
export class Browser {
  readonly jar = new CookieJar();

  constructor(private readonly issuer: string) {}

  private leavesServer(url: URL): boolean {
    return url.origin !== new URL(this.issuer).origin;
  }

  private async fetch(
    url: URL,
    init: { method: string; body?: URLSearchParams },
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'text/html,application/json;q=0.9' };
    const cookie = this.jar.header();
    if (cookie) headers.cookie = cookie;
    if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: init.method,
      headers,
      body: init.body?.toString(),
      redirect: 'manual',
    });
    this.jar.store(response);
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
    let request: { method: string; body?: URLSearchParams };
    if (options.method === 'POST') request = { method: 'POST', body: query };
    else {
      url.search = query.toString();
      request = { method: 'GET' };
    }
    const pages: VisitedPage[] = [];
    for (let step = 0; step < MAX_STEPS; step += 1) {
      const response = await this.fetch(url, request);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.arrayBuffer();
        const target = new URL(location, url);
        if (this.leavesServer(target)) {
          const fragment = target.hash.length > 1;
          return {
            kind: 'redirect',
            location: target,
            params: new URLSearchParams(fragment ? target.hash.slice(1) : target.search),
            mode: fragment ? 'fragment' : 'query',
            pages,
          };
        }
        url = target;
        request = { method: 'GET' };
        continue;
      }
      const body = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      if (response.status >= 400 || !contentType.includes('html')) {
        return { kind: 'error', status: response.status, body, contentType, pages };
      }
      const forms = parseForms(body);
      const outbound = forms.find(
        (form) => form.action !== '' && this.leavesServer(new URL(form.action, url)),
      );
      if (outbound) {
        const params = new URLSearchParams();
        for (const control of outbound.controls) params.append(control.name, control.value);
        return { kind: 'form_post', action: new URL(outbound.action, url).href, params, pages };
      }
      const kind = classify(forms);
      pages.push({
        kind,
        status: response.status,
        url: url.href,
        html: body,
        lang: pageLanguage(body),
        forms,
      });
      if (kind === 'other') {
        return { kind: 'error', status: response.status, body, contentType, pages };
      }
      if (kind === 'login' && !options.user && options.decision !== 'deny') {
        return { kind: 'login-required', pages };
      }
      const form = forms.find((candidate) => classify([candidate]) === kind)!;
      url = new URL(form.action || url.href, url);
      request = {
        method: form.method === 'post' ? 'POST' : 'GET',
        body: submission(form, kind, options),
      };
      if (request.method === 'GET') {
        url.search = request.body!.toString();
        request = { method: 'GET' };
      }
    }
    throw new Error(`authorization did not finish within ${MAX_STEPS} steps`);
  }
}
