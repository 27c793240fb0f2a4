import type { FakeAuthlete, FakeReply } from '../../../support/fake-authlete';
import { Browser } from '../../../support/browser';
import { authorizeAs } from '../../authorization/support/flow';

/**
 * Scripts the fake Authlete for one sign-in of alice at client `rp-1` (OIDC Core §3.1.2):
 * `/auth/authorization` asks for interaction, `/issue` redirects to the RP; `logoutToken` is what
 * `/backchannel/logout/token` answers at sign-out (Back-Channel Logout 1.0 §2.4).
 */
export function scriptRpSession(fake: FakeAuthlete, logoutToken: FakeReply): void {
  fake.reset();
  fake.on('auth/authorization', {
    body: {
      action: 'INTERACTION',
      ticket: 't-1',
      maxAge: 0,
      acrEssential: false,
      client: { clientId: 42, clientIdAlias: 'rp-1', clientName: 'RP' },
    },
  });
  fake.on('auth/authorization/issue', {
    body: { action: 'LOCATION', responseContent: 'https://rp.example/cb?code=c' },
  });
  fake.on('backchannel/logout/token', logoutToken);
}

/** Signs alice in to `rp-1` through the login and consent pages; returns her browser. */
export async function signInToRp(baseUrl: string): Promise<Browser> {
  const browser = new Browser(baseUrl);
  await authorizeAs(browser, '/api/authorization?client_id=rp-1');
  return browser;
}

/** Signs out through the confirmation form (RP-Initiated Logout 1.0 §2, without an RP). */
export async function signOutThroughForm(browser: Browser): Promise<Response> {
  const confirm = await (await browser.get('/api/logout')).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(confirm)?.[1] ?? '';
  return browser.post('/api/logout', { csrf, decision: 'logout' });
}
