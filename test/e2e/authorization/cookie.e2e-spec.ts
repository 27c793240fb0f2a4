import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { authorizationPath, authorizeAs } from './support/flow';

describe('session cookie when ISSUER is https', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ISSUER: 'https://as.example.com' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('is Secure, HttpOnly, SameSite=Lax and __Host- prefixed, holding a signed 256-bit id', async () => {
    const browser = new Browser(app.url);
    const response = await browser.get(authorizationPath());
    const cookie = response.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^__Host-oauth_session=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_%+/=-]+;/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
  });

  it('gets a new id at login (no session fixation)', async () => {
    const browser = new Browser(app.url);
    await browser.get(authorizationPath());
    const before = [...browser.cookies.values()][0];
    const { params } = await authorizeAs(browser, authorizationPath());
    expect(params.get('code')).toBeTruthy();
    expect([...browser.cookies.values()][0]).not.toBe(before);
  });
});
