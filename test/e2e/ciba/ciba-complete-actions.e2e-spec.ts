import { BACKCHANNEL_COMPLETE_STEPS } from '../../../src/endpoints/ciba/ciba-decisions';
import { Browser } from '../../support/browser';
import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { NotificationReceiver } from './notification-receiver';

const BASIC = `Basic ${Buffer.from('demo-ciba:demo-ciba-secret').toString('base64')}`;

function csrfOf(html: string): string {
  return /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
}

describe('demo device page: every /backchannel/authentication/complete action (CIBA Core §10)', () => {
  let fake: FakeAuthlete;
  let app: TestApp;
  let receiver: NotificationReceiver;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    receiver = await NotificationReceiver.start();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url), THROTTLE_ENABLED: 'false' });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await receiver?.close();
  });
  beforeEach(() => {
    fake.reset();
    receiver.received.length = 0;
  });

  /** A request issued for alice, then approved or denied on the demo device page. */
  async function decide(
    complete: Record<string, unknown>,
    decision: 'approve' | 'deny',
  ): Promise<{ status: number; html: string }> {
    fake.on('backchannel/authentication', {
      body: {
        action: 'USER_IDENTIFICATION',
        ticket: 'ticket-7',
        clientIdAlias: 'demo-ciba',
        clientName: 'Demo Call Centre',
        hintType: 'LOGIN_HINT',
        hint: 'alice',
        bindingMessage: 'BM-1',
        scopes: [{ name: 'openid' }],
      },
    });
    fake.on('backchannel/authentication/issue', {
      body: { action: 'OK', authReqId: 'arid-7', expiresIn: 600, responseContent: '{}' },
    });
    fake.on('backchannel/authentication/complete', { body: complete });
    await fetch(`${app.url}/api/backchannel/authentication`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: BASIC },
      body: 'scope=openid&login_hint=alice',
    });
    const browser = new Browser(app.url);
    const login = await (await browser.get('/api/backchannel/device')).text();
    const list = await (
      await browser.post('/api/backchannel/device', {
        csrf: csrfOf(login),
        username: 'alice',
        password: 'alice-password',
        decision: 'login',
      })
    ).text();
    expect(list).toContain('BM-1');
    const res = await browser.post('/api/backchannel/device', {
      csrf: csrfOf(list),
      request: 'arid-7',
      decision,
    });
    return { status: res.status, html: await res.text() };
  }

  it('the table maps every action', () => {
    expect(Object.keys(BACKCHANNEL_COMPLETE_STEPS).sort()).toEqual([
      'NOTIFICATION',
      'NO_ACTION',
      'SERVER_ERROR',
    ]);
  });

  it('NOTIFICATION: responseContent goes to the endpoint with the token as Bearer', async () => {
    const done = await decide(
      {
        action: 'NOTIFICATION',
        clientNotificationEndpoint: receiver.url,
        clientNotificationToken: 'nt-7',
        responseContent: '{"auth_req_id":"arid-7"}',
      },
      'approve',
    );
    expect(done.status).toBe(200);
    expect(done.html).toContain('Approved');
    await receiver.waitFor(1);
    expect(receiver.received[0]).toEqual({
      authorization: 'Bearer nt-7',
      contentType: 'application/json',
      body: { auth_req_id: 'arid-7' },
    });
    expect(fake.callsTo('backchannel/authentication/complete')[0]?.body).toMatchObject({
      ticket: 'ticket-7',
      result: 'AUTHORIZED',
      subject: '1001',
    });
  });

  it('NO_ACTION (poll mode): nothing is sent; deny reports ACCESS_DENIED', async () => {
    const done = await decide({ action: 'NO_ACTION' }, 'deny');
    expect(done.status).toBe(200);
    expect(done.html).toContain('Denied');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(0);
    expect(fake.callsTo('backchannel/authentication/complete')[0]?.body).toMatchObject({
      ticket: 'ticket-7',
      result: 'ACCESS_DENIED',
    });
  });

  it('SERVER_ERROR: the page says the request expired; nothing is sent', async () => {
    const done = await decide({ action: 'SERVER_ERROR' }, 'approve');
    expect(done.status).toBe(200);
    expect(done.html).toContain('had expired');
    expect(receiver.received).toHaveLength(0);
  });
});
