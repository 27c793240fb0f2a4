import { scriptRpSession, signInToRp, signOutThroughForm } from './support/rp-session';
import type { BackchannelLogoutTokenAction } from '../../../src/authlete/types';
import { startFakeAuthlete, type FakeAuthlete, type FakeReply } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { type LogoutReceiver, startLogoutReceiver } from './rp-receiver';

/** Every `BackchannelLogoutTokenResponse.Action`, and what the relying party must see. */
const ACTIONS: Record<BackchannelLogoutTokenAction, boolean> = {
  OK: true,
  CALLER_ERROR: false,
  SERVER_ERROR: false,
};

describe('/backchannel/logout/token actions against a fake Authlete', () => {
  let fake: FakeAuthlete;
  let app: TestApp;
  let receiver: LogoutReceiver;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    receiver = await startLogoutReceiver();
    app = await startTestApp(fakeAuthleteEnv(fake.url));
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
    await receiver.close();
  });

  /** Signs alice in to client `rp-1`, then signs out through the confirmation form. */
  async function signInAndOut(reply: FakeReply): Promise<Response> {
    receiver.received.length = 0;
    scriptRpSession(fake, reply);
    const browser = await signInToRp(app.url);
    const response = await signOutThroughForm(browser);
    expect(browser.cookies.size).toBe(0);
    return response;
  }

  it.each(Object.entries(ACTIONS))(
    '%s: the page is the signed-out page; delivered=%s',
    async (action, delivered) => {
      const body =
        action === 'OK'
          ? { action, logoutToken: 'header.payload.signature', backchannelLogoutUri: receiver.url }
          : { action, resultCode: 'A274201', resultMessage: '[A274201] x' };
      const response = await signInAndOut({ body });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('You have signed out');
      const [call] = fake.callsTo('backchannel/logout/token');
      expect(call?.body).toEqual({
        clientIdentifier: 'rp-1',
        subject: '1001',
        sessionId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string,
      });
      expect(receiver.received.map((entry) => entry.logoutToken)).toEqual(
        delivered ? ['header.payload.signature'] : [],
      );
    },
  );

  it('OK without a backchannelLogoutUri: nothing is sent', async () => {
    const response = await signInAndOut({ body: { action: 'OK', logoutToken: 'x.y.z' } });
    expect(response.status).toBe(200);
    expect(receiver.received).toEqual([]);
  });

  it('an unknown action or an API-level failure never breaks the sign-out', async () => {
    for (const reply of [
      { body: { action: 'SURPRISE' } },
      { status: 500, body: { resultCode: 'A001101', resultMessage: 'x' } },
    ]) {
      const response = await signInAndOut(reply);
      expect(response.status).toBe(200);
      expect(receiver.received).toEqual([]);
    }
  });
});
