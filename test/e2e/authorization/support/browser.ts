import { CookieJar } from '../../../support/cookie-jar';

/**
 * A minimal cookie-keeping browser over fetch: follows nothing automatically, so each redirect
 * and page can be asserted. Cookies live in the shared {@link CookieJar} (one host, path `/`).
 */
export class TestBrowser {
  readonly cookies = new CookieJar();

  constructor(readonly baseUrl: string) {}

  private cookieHeader(): string {
    return this.cookies.header() ?? '';
  }

  private remember(response: Response): void {
    this.cookies.store(response);
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  async post(
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(response);
    return response;
  }
}

/** The hidden form fields of a login or consent page. */
export interface PageForm {
  readonly interaction: string;
  readonly csrf: string;
}

/** Reads the interaction id and CSRF token from a page's HTML. */
export function formOf(html: string): PageForm {
  const interaction = /name="interaction" value="([^"]*)"/.exec(html)?.[1];
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1];
  if (interaction === undefined || csrf === undefined) {
    throw new Error(`no interaction form in page:\n${html.slice(0, 500)}`);
  }
  return { interaction, csrf };
}

/** Which page an HTML body is. */
export function pageKind(html: string): 'login' | 'consent' | 'other' {
  if (html.includes('name="password"')) return 'login';
  if (html.includes('name="decision" value="approve"')) return 'consent';
  return 'other';
}

/** Query parameters of a redirect's Location. */
export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get('location');
  if (location === null) throw new Error(`expected a redirect, got ${response.status}`);
  const url = new URL(location);
  return new URLSearchParams(url.search || url.hash.slice(1));
}
