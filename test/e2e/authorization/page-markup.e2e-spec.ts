import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { authorizationPath, submitLogin } from './support/flow';

/** The submit buttons of a page, in tree order, as `name=value`. */
function buttons(html: string): string[] {
  return [...html.matchAll(/<button[^>]*name="([^"]+)"[^>]*value="([^"]+)"/g)].map(
    (match) => `${match[1]}=${match[2]}`,
  );
}

describe('login and consent markup (issue 11, Build 1, 3, 12; embedded engine)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({});
  });
  afterAll(async () => {
    await app.close();
  });

  it('login: Sign in is the form’s first submit button, the title names the service, the logo is local', async () => {
    const browser = new Browser(app.url);
    const html = await (await browser.get(authorizationPath())).text();
    expect(buttons(html)).toEqual(['decision=login', 'decision=deny']);
    expect(html).toContain('<title>Sign in – Local Demo Service</title>');
    expect(html).toContain('src="/assets/logos/demo-web.svg"');
    expect(html).not.toContain('aria-invalid');
  });

  it('serves the demo logos as SVG and nothing else under /assets/logos', async () => {
    const logo = await fetch(`${app.url}/assets/logos/demo-web.svg`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect(await logo.text()).toMatch(/^<svg /);
    for (const name of ['nope.svg', '..%2Foauth.css', 'constructor', '__proto__']) {
      expect((await fetch(`${app.url}/assets/logos/${name}`)).status).toBe(404);
    }
  });

  it('a wrong password marks both fields invalid and ties them to the message', async () => {
    const browser = new Browser(app.url);
    const login = await (await browser.get(authorizationPath())).text();
    const again = await (await submitLogin(browser, login, 'alice', 'nope')).text();
    const error = /<p class="error" id="([^"]+)" role="alert">([^<]*)</.exec(again);
    expect(error?.[2]).toBe('The username or password is incorrect.');
    for (const field of ['username', 'password']) {
      const input = new RegExp(`<input[^>]*id="${field}"[^>]*>`).exec(again)?.[0] ?? '';
      expect(input).toContain('aria-invalid="true"');
      expect(input).toContain(`aria-describedby="${error?.[1]}"`);
    }
  });

  it('consent: Allow first and focused; each claim listed once, under the scope that asks for it', async () => {
    const browser = new Browser(app.url);
    const login = await (await browser.get(authorizationPath({ prompt: 'consent' }))).text();
    const consent = await (await submitLogin(browser, login, 'alice', 'alice-password')).text();
    expect(buttons(consent)).toEqual(['decision=approve', 'decision=deny']);
    expect(consent).toMatch(/<button[^>]*value="approve"[^>]*autofocus/);
    expect(consent).toContain('<title>Allow access? – Local Demo Service</title>');
    for (const label of ['Email address', 'Full name', 'Whether your email is verified']) {
      expect(consent.split(`<li>${label}</li>`)).toHaveLength(2);
    }
    const email = consent.indexOf('(email)');
    expect(consent.indexOf('<li>Email address</li>')).toBeGreaterThan(email);
    expect(consent).not.toContain('It will receive');
  });
});
