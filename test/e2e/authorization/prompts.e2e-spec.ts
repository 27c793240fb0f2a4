import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { pageKind, redirectParams } from '../../support/pages';
import { authorizationPath, authorizeAs } from './support/flow';

const BOB = { username: 'bob', password: 'bob-password' };

describe('prompt, max_age and acr (embedded engine)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({});
  });
  afterAll(async () => {
    await app.close();
  });

  async function loggedIn(scope = 'openid profile'): Promise<Browser> {
    const browser = new Browser(app.url);
    const { params } = await authorizeAs(browser, authorizationPath({ scope }));
    expect(params.get('code')).toBeTruthy();
    return browser;
  }

  it('prompt=login shows the login page despite a session', async () => {
    const browser = await loggedIn();
    const response = await browser.get(
      authorizationPath({ scope: 'openid profile', prompt: 'login' }),
    );
    expect(response.status).toBe(200);
    expect(pageKind(await response.text())).toBe('login');
  });

  it('max_age=0 forces a login, a generous max_age does not', async () => {
    const browser = await loggedIn();
    const zero = await browser.get(authorizationPath({ scope: 'openid profile', max_age: '0' }));
    expect(zero.status).toBe(200);
    expect(pageKind(await zero.text())).toBe('login');
    const generous = await browser.get(
      authorizationPath({ scope: 'openid profile', max_age: '3600' }),
    );
    expect(generous.status).toBe(302);
    expect(redirectParams(generous).get('code')).toBeTruthy();
  });

  it('prompt=none with a session and consent gives a code', async () => {
    const browser = await loggedIn();
    const response = await browser.get(
      authorizationPath({ scope: 'openid profile', prompt: 'none', state: 'n-1' }),
    );
    expect(response.status).toBe(302);
    const params = redirectParams(response);
    expect(params.get('code')).toBeTruthy();
    expect(params.get('state')).toBe('n-1');
  });

  it('prompt=none without a session fails with login_required', async () => {
    const browser = new Browser(app.url);
    const response = await browser.get(authorizationPath({ prompt: 'none', state: 'n-2' }));
    expect(response.status).toBe(302);
    const params = redirectParams(response);
    expect(params.get('error')).toBe('login_required');
    expect(params.get('state')).toBe('n-2');
  });

  it('prompt=none without consent for the scopes fails with consent_required', async () => {
    const browser = await loggedIn('openid profile');
    const response = await browser.get(
      authorizationPath({ scope: 'openid address', prompt: 'none' }),
    );
    expect(redirectParams(response).get('error')).toBe('consent_required');
  });

  it('prompt=none with max_age=0 fails with login_required', async () => {
    const browser = await loggedIn();
    const response = await browser.get(
      authorizationPath({ scope: 'openid profile', prompt: 'none', max_age: '0' }),
    );
    expect(redirectParams(response).get('error')).toBe('login_required');
  });

  it('an unmet essential acr fails with unmet_authentication_requirements (ACR_NOT_SATISFIED)', async () => {
    const claims = JSON.stringify({
      id_token: { acr: { essential: true, values: ['urn:mace:incommon:iap:silver'] } },
    });
    const browser = new Browser(app.url);
    const { params, pages } = await authorizeAs(
      browser,
      authorizationPath({ claims, state: 'acr-1' }),
      BOB,
    );
    expect(pages).toEqual(['login']);
    expect(params.get('error')).toBe('unmet_authentication_requirements');
    expect(params.get('state')).toBe('acr-1');
    expect(params.get('code')).toBeNull();
  });

  it('an essential acr the session meets skips the login, and one it does not meet asks again', async () => {
    const claims = (acr: string) =>
      JSON.stringify({ id_token: { acr: { essential: true, values: [acr] } } });
    const browser = await loggedIn();
    const met = await browser.get(
      authorizationPath({
        scope: 'openid profile',
        claims: claims('urn:mace:incommon:iap:silver'),
      }),
    );
    expect(met.status).toBe(302);
    const unmet = await browser.get(
      authorizationPath({
        scope: 'openid profile',
        claims: claims('urn:mace:incommon:iap:bronze'),
      }),
    );
    expect(unmet.status).toBe(200);
    expect(pageKind(await unmet.text())).toBe('login');
  });
});
