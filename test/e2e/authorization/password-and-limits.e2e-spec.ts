import { startTestApp, type TestApp } from '../../support/test-app';
import { TestBrowser, pageKind } from './support/browser';
import { authorizationPath, submitLogin } from './support/flow';

const LEGACY = `Basic ${Buffer.from('demo-legacy:demo-legacy-secret').toString('base64')}`;

async function passwordGrant(app: TestApp, username: string, password: string): Promise<Response> {
  return fetch(`${app.url}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LEGACY },
    body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
  });
}

describe('PASSWORD grant and failed-login limits (embedded engine)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ LOGIN_RATE_MAX_PER_USER: '3', LOGIN_RATE_MAX_PER_IP: '100' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('issues tokens for good credentials through the same UserAuthenticator', async () => {
    const response = await passwordGrant(app, 'alice', 'alice-password');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(typeof body['access_token']).toBe('string');
  });

  it('fails with a 400 OAuth error for a wrong password or an unknown user', async () => {
    for (const [username, password] of [
      ['alice', 'wrong'],
      ['nobody', 'alice-password'],
    ] as const) {
      const response = await passwordGrant(app, username, password);
      expect(response.status).toBe(400);
      const body = (await response.json()) as Record<string, unknown>;
      expect(typeof body['error']).toBe('string');
      expect(body['access_token']).toBeUndefined();
    }
  });

  it('locks a username out of the login form after the configured failures, with the flow intact', async () => {
    const browser = new TestBrowser(app.url);
    let html = await (await browser.get(authorizationPath())).text();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      html = await (await submitLogin(browser, html, 'bob', `wrong-${attempt}`)).text();
      expect(html).toContain('The username or password is incorrect.');
    }
    const locked = await submitLogin(browser, html, 'bob', 'bob-password');
    expect(locked.status).toBe(200);
    const lockedHtml = await locked.text();
    expect(pageKind(lockedHtml)).toBe('login');
    expect(lockedHtml).toContain('Too many failed attempts');
    const other = await submitLogin(browser, lockedHtml, 'alice', 'alice-password');
    expect(pageKind(await other.text())).toBe('consent');
  });

  it('applies the same per-username limit to the PASSWORD grant', async () => {
    const blocked = await passwordGrant(app, 'bob', 'bob-password');
    expect(blocked.status).toBe(400);
  });
});
