import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { formOf, pageKind, redirectParams } from '../../support/pages';
import {
  DEMO_WEB,
  authorizationPath,
  authorizeAs,
  submitConsent,
  submitLogin,
} from './support/flow';

async function exchange(app: TestApp, code: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${app.url}/api/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${DEMO_WEB.clientId}:${DEMO_WEB.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: DEMO_WEB.redirectUri,
    }).toString(),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

function idTokenClaims(token: unknown): Record<string, unknown> {
  const payload = String(token).split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('authorization code flow with login and consent (embedded engine)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({});
  });
  afterAll(async () => {
    await app.close();
  });

  it('logs in, consents, redirects with a code, and the ID token carries the user', async () => {
    const browser = new Browser(app.url);
    const path = authorizationPath({ state: 'st-1', prompt: 'consent' });
    const first = await browser.get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const cookie = first.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const loginHtml = await first.text();
    expect(pageKind(loginHtml)).toBe('login');
    expect(loginHtml).toContain('<html lang="en">');
    const afterLogin = await submitLogin(browser, loginHtml, 'alice', 'alice-password');
    expect(afterLogin.status).toBe(200);
    const consentHtml = await afterLogin.text();
    expect(pageKind(consentHtml)).toBe('consent');
    expect(consentHtml).toContain('Demo Web App');
    const done = await submitConsent(browser, consentHtml, 'approve');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toMatch(/^http:\/\/localhost:3000\/callback\?/);
    const params = redirectParams(done);
    expect(params.get('state')).toBe('st-1');
    const tokens = await exchange(app, params.get('code') ?? '');
    const claims = idTokenClaims(tokens['id_token']);
    expect(claims['sub']).toBe('1001');
    expect(claims['acr']).toBe('urn:mace:incommon:iap:silver');
    expect(typeof claims['auth_time']).toBe('number');
  });

  it('skips login and consent on a second authorization in the same session', async () => {
    const browser = new Browser(app.url);
    const bob = { username: 'bob', password: 'bob-password' };
    const path = () => authorizationPath({ scope: 'openid phone' });
    const first = await authorizeAs(browser, path(), bob);
    expect(first.pages).toEqual(['login', 'consent']);
    expect(first.params.get('code')).toBeTruthy();
    const second = await browser.get(path());
    expect(second.status).toBe(302);
    expect(redirectParams(second).get('code')).toBeTruthy();
  });

  it('asks consent again, without login, for a wider scope', async () => {
    const browser = new Browser(app.url);
    await authorizeAs(browser, authorizationPath());
    const wider = await authorizeAs(
      browser,
      authorizationPath({ scope: 'openid profile email phone' }),
    );
    expect(wider.pages).toEqual(['consent']);
  });

  it('shows the login page again on a wrong password, and the flow still completes', async () => {
    const browser = new Browser(app.url);
    const first = await browser.get(authorizationPath({ prompt: 'consent' }));
    const wrong = await submitLogin(browser, await first.text(), 'alice', 'nope');
    expect(wrong.status).toBe(200);
    const retryHtml = await wrong.text();
    expect(pageKind(retryHtml)).toBe('login');
    expect(retryHtml).toContain('The username or password is incorrect.');
    expect(retryHtml).toContain('value="alice"');
    const unknown = await submitLogin(browser, retryHtml, 'mallory', 'nope');
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain('The username or password is incorrect.');
    const ok = await submitLogin(browser, unknownHtml, 'alice', 'alice-password');
    const done = await submitConsent(browser, await ok.text(), 'approve');
    expect(done.status).toBe(302);
    expect(redirectParams(done).get('code')).toBeTruthy();
  });

  it('redirects with access_denied when the user denies', async () => {
    const browser = new Browser(app.url);
    const first = await browser.get(authorizationPath({ state: 'deny-1', prompt: 'consent' }));
    const consent = await submitLogin(browser, await first.text(), 'alice', 'alice-password');
    const denied = await submitConsent(browser, await consent.text(), 'deny');
    expect(denied.status).toBe(302);
    const params = redirectParams(denied);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('deny-1');
    expect(params.get('code')).toBeNull();
  });

  it('rejects a missing or forged CSRF token with 403 and no code', async () => {
    const browser = new Browser(app.url);
    const first = await browser.get(authorizationPath());
    const firstHtml = await first.text();
    const form = formOf(firstHtml);
    const base = { interaction: form.interaction, username: 'alice', password: 'alice-password' };
    const missing = await browser.post('/api/authorization/decision', base);
    expect(missing.status).toBe(403);
    expect(missing.headers.get('location')).toBeNull();
    const forged = await browser.post('/api/authorization/decision', {
      ...base,
      csrf: 'x'.repeat(43),
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('location')).toBeNull();
    const stranger = new Browser(app.url);
    const crossSite = await stranger.post('/api/authorization/decision', {
      ...base,
      csrf: form.csrf,
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('location')).toBeNull();
    // Not a dead end: the page starts the same request again.
    expect(await crossSite.text()).toMatch(
      /href="\/api\/authorization\?response_type=code&amp;client_id=demo-web/,
    );
    // The page itself was not consumed: the real form still signs in (consent was given before).
    const real = await submitLogin(browser, firstHtml, 'alice', 'alice-password');
    expect(redirectParams(real).get('code')).toBeTruthy();
  });

  it('answers a replayed decision post with the same result, never a second code', async () => {
    const browser = new Browser(app.url);
    const first = await browser.get(authorizationPath({ prompt: 'consent' }));
    const consent = await submitLogin(browser, await first.text(), 'alice', 'alice-password');
    const consentHtml = await consent.text();
    const done = await submitConsent(browser, consentHtml, 'approve');
    expect(done.status).toBe(302);
    const replay = await submitConsent(browser, consentHtml, 'approve');
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toBe(done.headers.get('location'));
    // The code was issued once: the first exchange works, the replayed one is the same code.
    const code = redirectParams(done).get('code');
    expect(redirectParams(replay).get('code')).toBe(code);
  });

  it('answers an unknown client with a 400 HTML page for a browser, never a redirect', async () => {
    const response = await fetch(
      `${app.url}/api/authorization?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
      { redirect: 'manual', headers: { accept: 'text/html,*/*;q=0.8' } },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers an unknown client with Authlete’s 400 JSON for a client program', async () => {
    const response = await fetch(
      `${app.url}/api/authorization?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await response.json()) as { error?: string }).error).toBe('invalid_request');
  });
});
