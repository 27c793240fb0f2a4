import { Injectable } from '@nestjs/common';
import {
  type AuthenticatedUser,
  type ClaimValues,
  type PasswordCredentials,
  type UserRecord,
  UserAuthenticator,
} from '../../../src/users/user-authenticator';
import {
  AccountDisabledError,
  UserStoreUnavailableError,
} from '../../../src/users/user-store.errors';
import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { authorizationPath, submitLogin } from './support/flow';

/** A store whose answer depends on the username: the failure modes of a real one. */
@Injectable()
class FailingStore extends UserAuthenticator {
  override authenticate(credentials: PasswordCredentials): Promise<AuthenticatedUser | null> {
    switch (credentials.username) {
      case 'disabled':
        return Promise.reject(new AccountDisabledError());
      case 'down':
        return Promise.reject(new UserStoreUnavailableError('directory unreachable'));
      case 'crash':
        return Promise.reject(new TypeError('driver bug'));
      default:
        return Promise.resolve(null);
    }
  }
  override findBySubject(): Promise<UserRecord | null> {
    return Promise.resolve(null);
  }
  override claims(): Promise<ClaimValues> {
    return Promise.resolve({});
  }
}

async function login(url: string, username: string): Promise<{ status: number; html: string }> {
  const browser = new Browser(url);
  const page = await (await browser.get(authorizationPath())).text();
  const answer = await submitLogin(browser, page, username, 'some-password');
  return { status: answer.status, html: await answer.text() };
}

async function passwordGrant(url: string, username: string): Promise<Response> {
  return fetch(`${url}/api/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from('demo-legacy:demo-legacy-secret').toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'password', username, password: 'some-password' }),
  });
}

describe('user-store failures on the login page and the password grant', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ THROTTLE_ENABLED: 'false' }, { userAuthenticator: FailingStore });
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows the disabled-account message for AccountDisabledError', async () => {
    const page = await login(app.url, 'disabled');
    expect(page.status).toBe(200);
    expect(page.html).toContain('This account is disabled.');
    expect(page.html).toContain('name="password"');
  });

  it.each(['down', 'crash'])(
    'shows a 503 login page for a store that cannot answer (%s), never a 500',
    async (username) => {
      const page = await login(app.url, username);
      expect(page.status).toBe(503);
      expect(page.html).toContain('Sign-in is temporarily unavailable.');
      expect(page.html).toContain('name="password"');
    },
  );

  it('answers the password grant: disabled → invalid_request, outage → 503 temporarily_unavailable', async () => {
    const disabled = await passwordGrant(app.url, 'disabled');
    expect(disabled.status).toBe(400);
    expect(await disabled.json()).toMatchObject({ error: 'invalid_request' });
    const down = await passwordGrant(app.url, 'down');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('30');
    expect(down.headers.get('cache-control')).toBe('no-store');
    expect(await down.json()).toMatchObject({ error: 'temporarily_unavailable' });
  });
});
