import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { authorizationPath, authorizeAs, followSeeOther } from './support/flow';
import { DirectoryUserAuthenticator } from './support/directory-user-authenticator';
import { exchangeCode, jwtPayload, userinfo } from './support/tokens';

describe('a custom UserAuthenticator injected through createApp (AuthorizationServerModule.forRoot)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({}, { userAuthenticator: DirectoryUserAuthenticator });
  });
  afterAll(async () => {
    await app.close();
  });

  it('logs its users in, and its claims reach the ID token and userinfo', async () => {
    const browser = new Browser(app.url);
    const claims = JSON.stringify({ id_token: { name: null } });
    const { params } = await authorizeAs(
      browser,
      authorizationPath({ scope: 'openid email', claims, claims_locales: 'ja' }),
      { username: 'carol', password: 'carol-password' },
    );
    const tokens = await exchangeCode(app.url, params.get('code') ?? '');
    const idToken = jwtPayload(tokens['id_token']);
    expect(idToken).toMatchObject({ sub: 'carol-0001', name: 'クーパー キャロル' });
    expect(await userinfo(app.url, tokens['access_token'])).toMatchObject({
      sub: 'carol-0001',
      email: 'carol@example.org',
    });
  });

  it('replaces the file store: the demo users no longer log in', async () => {
    const browser = new Browser(app.url);
    const page = await (await browser.get(authorizationPath())).text();
    const form = /name="interaction" value="([^"]+)"[\s\S]*name="csrf" value="([^"]+)"/.exec(page);
    const posted = await browser.post('/api/authorization/decision', {
      interaction: form?.[1] ?? '',
      csrf: form?.[2] ?? '',
      username: 'alice',
      password: 'alice-password',
      decision: 'login',
    });
    const response = await followSeeOther(browser, posted);
    expect(await response.text()).toContain('The username or password is incorrect.');
  });

  it('is the code shown in docs/examples/custom-user-authenticator.md', async () => {
    const doc = await readFile(
      join(__dirname, '../../../docs/examples/custom-user-authenticator.md'),
      'utf8',
    );
    const shown = /```ts\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const tested = await readFile(
      join(__dirname, 'support/directory-user-authenticator.ts'),
      'utf8',
    );
    const normalise = (code: string) => code.replace(/from '(\.\.\/)+src\//g, "from 'src/");
    expect(normalise(shown)).toBe(normalise(tested));
  });
});
