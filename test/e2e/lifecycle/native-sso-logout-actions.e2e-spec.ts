import { scriptRpSession, signInToRp, signOutThroughForm } from './support/rp-session';
import type { NativeSsoLogoutAction } from '../../../src/authlete/types';
import { startFakeAuthlete, type FakeAuthlete, type FakeReply } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { type Browser } from '../../support/browser';

/** Every `NativeSsoLogoutResponse.Action`: none of them may break the sign-out. */
const ACTIONS: Record<NativeSsoLogoutAction, true> = {
  OK: true,
  CALLER_ERROR: true,
  SERVER_ERROR: true,
};

describe('/nativesso/logout actions against a fake Authlete', () => {
  let fake: FakeAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    app = await startTestApp(fakeAuthleteEnv(fake.url));
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  /** Signs alice in to `rp-1`; with `nativeSso` its code exchange opens a Native SSO session. */
  async function signIn(nativeSso: boolean): Promise<{ browser: Browser; sid: string }> {
    scriptRpSession(fake, { body: { action: 'OK' } });
    const browser = await signInToRp(app.url);
    const issueCall = fake.callsTo('auth/authorization/issue')[0]?.body as { sessionId?: string };
    const sid = String(issueCall.sessionId);
    if (nativeSso) {
      fake.on('auth/token', {
        body: {
          action: 'NATIVE_SSO',
          grantType: 'AUTHORIZATION_CODE',
          sessionId: sid,
          accessToken: 'at-native',
          refreshToken: 'rt-native',
          responseContent: '{}',
        },
      });
      fake.on('nativesso', {
        body: { action: 'OK', responseContent: '{"access_token":"at-native","device_secret":"d"}' },
      });
      const token = await fetch(`${app.url}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=authorization_code&code=c&client_id=rp-1',
      });
      expect(token.status).toBe(200);
    }
    return { browser, sid };
  }

  async function signOut(browser: Browser): Promise<Response> {
    const response = await signOutThroughForm(browser);
    expect(browser.cookies.size).toBe(0);
    return response;
  }

  const replies: [string, FakeReply][] = [
    ...Object.keys(ACTIONS).map((action): [string, FakeReply] => [
      action,
      { body: { action, resultCode: 'A503001', resultMessage: 'x', count: 2 } },
    ]),
    ['an unknown action', { body: { action: 'SURPRISE' } }],
    ['an API failure', { status: 500, body: { resultCode: 'A001101', resultMessage: 'x' } }],
  ];

  it.each(replies)(
    '%s: the session ID is sent once and the page is the signed-out page',
    async (_name, reply) => {
      const { browser, sid } = await signIn(true);
      fake.on('nativesso/logout', reply);
      const response = await signOut(browser);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('You have signed out');
      expect(fake.callsTo('nativesso/logout').map((call) => call.body)).toEqual([
        { sessionId: sid },
      ]);
    },
  );

  it('a session that never used Native SSO makes no /nativesso/logout call', async () => {
    const { browser } = await signIn(false);
    const response = await signOut(browser);
    expect(response.status).toBe(200);
    expect(fake.callsTo('nativesso/logout')).toEqual([]);
  });
});
