import { useFakeAuthleteApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { formOf } from '../../support/pages';
import { submitLogin } from './support/flow';

const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';
const HOSTILE = '<script>alert(1)</script>"\'&';

function interaction(overrides: Record<string, unknown> = {}): { body: Record<string, unknown> } {
  return {
    body: {
      action: 'INTERACTION',
      ticket: 'ticket-1',
      maxAge: 0,
      acrEssential: false,
      client: {
        clientId: 1234,
        clientIdAlias: 'evil',
        clientName: HOSTILE,
        logoUri: 'javascript:alert(1)',
        policyUri: 'javascript:alert(2)',
        tosUri: 'https://client.example/tos?a=1&b="2"',
      },
      scopes: [{ name: 'read', description: '<img src=x onerror=alert(3)>' }],
      claims: ['name#<b>'],
      ...overrides,
    },
  };
}

describe('authorization pages and action mapping (fake Authlete)', () => {
  const suite = useFakeAuthleteApp();
  beforeEach(() => suite.fake.reset());

  it('passes the raw query to /auth/authorization byte for byte', async () => {
    suite.fake.on('auth/authorization', interaction());
    await fetch(`${suite.app.url}/api/authorization?scope=a+b%20c&state=%E2%9C%93&x=1&x=2`);
    expect(suite.fake.callsTo('auth/authorization')[0]?.body).toEqual({
      parameters: 'scope=a+b%20c&state=%E2%9C%93&x=1&x=2',
    });
  });

  it('HTML-escapes every piece of client metadata and drops non-http URLs', async () => {
    suite.fake.on('auth/authorization', interaction());
    suite.fake.on('auth/authorization/issue', {
      body: { action: 'LOCATION', responseContent: 'https://client.example/cb?code=c' },
    });
    const browser = new Browser(suite.app.url);
    const login = await (await browser.get('/api/authorization?x=1')).text();
    expect(login).not.toContain('<script>alert');
    expect(login).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(login).not.toContain('javascript:');
    const consent = await (await submitLogin(browser, login, 'alice', 'alice-password')).text();
    expect(consent).not.toContain('<script>alert');
    expect(consent).not.toContain('<img src=x');
    expect(consent).toContain('&lt;img src=x onerror=alert(3)&gt;');
    expect(consent).not.toContain('javascript:');
    expect(consent).toContain('href="https://client.example/tos?a=1&amp;b=%222%22"');
    expect(consent).not.toContain('<b>');
  });

  it('relays FORM (form_post) as Authlete’s HTML, as-is, with 200', async () => {
    const page = '<html><body onload="document.forms[0].submit()"><form></form></body></html>';
    suite.fake.on('auth/authorization', { body: { action: 'FORM', responseContent: page } });
    const response = await fetch(`${suite.app.url}/api/authorization?x=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(page);
  });

  it('relays LOCATION as a 302 with no-store', async () => {
    const location = 'https://client.example/cb?error=invalid_scope&state=s';
    suite.fake.on('auth/authorization', {
      body: { action: 'LOCATION', responseContent: location },
    });
    const response = await fetch(`${suite.app.url}/api/authorization?x=1`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(location);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('shows BAD_REQUEST to a browser as a 400 HTML page with the escaped OAuth error, never a redirect', async () => {
    suite.fake.on('auth/authorization', {
      body: {
        action: 'BAD_REQUEST',
        responseContent: JSON.stringify({
          error: 'invalid_request',
          error_description: '<i>bad</i>',
        }),
      },
    });
    const response = await fetch(`${suite.app.url}/api/authorization?ui_locales=ja`, {
      redirect: 'manual',
      headers: { accept: HTML },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('invalid_request');
    expect(html).toContain('&lt;i&gt;bad&lt;/i&gt;');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('shows INTERNAL_SERVER_ERROR to a browser as a 500 HTML page', async () => {
    suite.fake.on('auth/authorization', {
      body: { action: 'INTERNAL_SERVER_ERROR', responseContent: '{}' },
    });
    const response = await fetch(`${suite.app.url}/api/authorization?x=1`, {
      headers: { accept: HTML },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it.each([
    ['BAD_REQUEST', 400],
    ['INTERNAL_SERVER_ERROR', 500],
  ])('maps /issue %s (e.g. a stale ticket) to a %i page for a browser', async (action, status) => {
    suite.fake.on('auth/authorization', interaction({ prompts: ['CONSENT'] }));
    suite.fake.on('auth/authorization/issue', { body: { action, responseContent: '{}' } });
    const browser = new Browser(suite.app.url);
    const login = await (await browser.get('/api/authorization?x=1')).text();
    const consent = await (await submitLogin(browser, login, 'alice', 'alice-password')).text();
    const response = await browser.post(
      '/api/authorization/decision',
      { ...formOf(consent), decision: 'approve' },
      { accept: HTML },
    );
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('location')).toBeNull();
    expect(suite.fake.callsTo('auth/authorization/issue')[0]?.body).toMatchObject({
      ticket: 'ticket-1',
      subject: '1001',
      acr: 'urn:mace:incommon:iap:silver',
    });
  });

  it('serves the stylesheet the pages link to', async () => {
    const response = await fetch(`${suite.app.url}/assets/oauth.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('rejects a tampered session cookie: a new session, so the old CSRF token no longer works', async () => {
    suite.fake.on('auth/authorization', interaction());
    const browser = new Browser(suite.app.url);
    const login = await (await browser.get('/api/authorization?x=1')).text();
    const [name, value = ''] = [...browser.cookies][0] ?? ['', ''];
    browser.cookies.set(name, value.replace(/^.{4}/, 'AAAA'));
    const response = await submitLogin(browser, login, 'alice', 'alice-password');
    expect(response.status).toBe(403);
  });
});
