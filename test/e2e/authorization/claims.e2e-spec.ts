import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { pageKind, redirectParams } from '../../support/pages';
import { authorizationPath, authorizeAs, submitLogin } from './support/flow';
import { exchangeCode, jwtPayload, userinfo } from './support/tokens';

function usernameInput(html: string): string {
  return /<input[^>]*name="username"[^>]*>/.exec(html)?.[0] ?? '';
}

const PAIRWISE = {
  clientId: 'demo-pairwise',
  secret: 'demo-pairwise-secret',
  redirectUri: 'http://localhost:3000/pairwise/callback',
};

describe('claims, locales, hints and pairwise subjects (embedded engine)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PAIRWISE_SALT: 'test-pairwise-salt-0123456789' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('renders the pages in Japanese for ui_locales=ja, with Authlete’s scope descriptions', async () => {
    const browser = new Browser(app.url);
    const login = await browser.get(authorizationPath({ ui_locales: 'ja en', prompt: 'consent' }));
    const loginHtml = await login.text();
    expect(loginHtml).toContain('<html lang="ja">');
    expect(loginHtml).toContain('<label for="username">ユーザー名</label>');
    const consent = await submitLogin(browser, loginHtml, 'alice', 'alice-password');
    const consentHtml = await consent.text();
    expect(consentHtml).toContain('<html lang="ja">');
    expect(consentHtml).toContain('メールアドレスを読み取ります。');
    expect(consentHtml).toContain('<button type="submit" name="decision" value="approve"');
  });

  it('prefills login_hint, and locks the username when the request demands a subject', async () => {
    const browser = new Browser(app.url);
    const hinted = await (await browser.get(authorizationPath({ login_hint: 'bob' }))).text();
    expect(usernameInput(hinted)).toContain('value="bob"');
    expect(usernameInput(hinted)).not.toContain('readonly');
    const claims = JSON.stringify({ id_token: { sub: { value: '1001' } } });
    const demanded = await (await browser.get(authorizationPath({ claims }))).text();
    expect(usernameInput(demanded)).toContain('value="alice"');
    expect(usernameInput(demanded)).toMatch(/\sreadonly[\s/>]/);
    const forged = await submitLogin(browser, demanded, 'bob', 'bob-password');
    const retry = await forged.text();
    expect(pageKind(retry)).toBe('login');
    expect(usernameInput(retry)).toContain('value="alice"');
    const asAlice = await submitLogin(browser, retry, 'bob', 'alice-password');
    expect(pageKind(await asAlice.text())).toBe('consent');
  });

  it('puts locale-aware claims from the port into the ID token (claims_locales, name#ja)', async () => {
    const browser = new Browser(app.url);
    const claims = JSON.stringify({
      id_token: { name: null, 'name#ja': null, email: { essential: true } },
    });
    const { params } = await authorizeAs(
      browser,
      authorizationPath({ scope: 'openid', claims, claims_locales: 'ja', prompt: 'consent' }),
    );
    const tokens = await exchangeCode(app.url, params.get('code') ?? '');
    const idToken = jwtPayload(tokens['id_token']);
    expect(idToken['name']).toBe('アダムス アリス');
    expect(idToken['name#ja']).toBe('アダムス アリス');
    expect(idToken['email']).toBe('alice@example.com');
    expect(idToken['amr']).toEqual(['pwd']);
    expect(idToken['given_name']).toBeUndefined();
  });

  it('gives PAIRWISE clients a stable pairwise sub in the ID token and at userinfo', async () => {
    const browser = new Browser(app.url);
    const path = () =>
      authorizationPath({
        client_id: PAIRWISE.clientId,
        redirect_uri: PAIRWISE.redirectUri,
        scope: 'openid email',
      });
    const first = await authorizeAs(browser, path());
    const tokens = await exchangeCode(app.url, first.params.get('code') ?? '', PAIRWISE);
    const sub = jwtPayload(tokens['id_token'])['sub'];
    expect(sub).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sub).not.toBe('1001');
    const info = await userinfo(app.url, tokens['access_token']);
    expect(info['sub']).toBe(sub);
    expect(info['email']).toBe('alice@example.com');
    const silent = await browser.get(`${path()}&prompt=none`);
    const again = await exchangeCode(app.url, redirectParams(silent).get('code') ?? '', PAIRWISE);
    expect(jwtPayload(again['id_token'])['sub']).toBe(sub);
  });

  it('gives PUBLIC clients the plain subject at userinfo', async () => {
    const browser = new Browser(app.url);
    const { params } = await authorizeAs(browser, authorizationPath({ scope: 'openid email' }));
    const tokens = await exchangeCode(app.url, params.get('code') ?? '');
    const info = await userinfo(app.url, tokens['access_token']);
    expect(info).toMatchObject({ sub: '1001', email: 'alice@example.com' });
  });

  it('ends the session at /api/logout, after which prompt=none needs a login again', async () => {
    const browser = new Browser(app.url);
    await authorizeAs(browser, authorizationPath({ scope: 'openid' }));
    const confirm = await browser.get('/api/logout');
    const csrf = /name="csrf" value="([^"]+)"/.exec(await confirm.text())?.[1] ?? '';
    const forged = await browser.post('/api/logout', { csrf: 'forged' });
    expect(forged.status).toBe(403);
    const out = await browser.post('/api/logout', { csrf });
    expect(out.status).toBe(200);
    expect(browser.cookies.size).toBe(0);
    const silent = await browser.get(authorizationPath({ scope: 'openid', prompt: 'none' }));
    expect(redirectParams(silent).get('error')).toBe('login_required');
  });
});
