import {
  DEVICE_COMPLETE_STEPS,
  DEVICE_VERIFICATION_STEPS,
} from '../../../src/endpoints/device/device-verification.actions';
import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { pageKind } from '../../support/pages';
import { deviceDecide, deviceLogin, enterUserCode } from './support/device-browser';

const VALID = {
  action: 'VALID',
  clientId: 17201083166180,
  clientIdAlias: 'demo-device',
  clientName: 'Demo <TV>',
  scopes: [{ name: 'openid' }, { name: 'tv.watch', description: 'Watch <TV> shows.' }],
  expiresAt: Date.now() + 600_000,
};

describe('verification page: every /device/verification and /device/complete action (RFC 8628 §3.3)', () => {
  let fake: FakeAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url), THROTTLE_ENABLED: 'false' });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('the tables list every action', () => {
    expect(Object.keys(DEVICE_VERIFICATION_STEPS).sort()).toEqual([
      'EXPIRED',
      'NOT_EXIST',
      'SERVER_ERROR',
      'VALID',
    ]);
    expect(Object.keys(DEVICE_COMPLETE_STEPS).sort()).toEqual([
      'INVALID_REQUEST',
      'SERVER_ERROR',
      'SUCCESS',
      'USER_CODE_EXPIRED',
      'USER_CODE_NOT_EXIST',
    ]);
  });

  it('VALID → the login page; the typed code reaches Authlete upper-cased without dashes or spaces', async () => {
    fake.on('device/verification', { body: VALID });
    const browser = new Browser(app.url);
    const res = await enterUserCode(browser, ' bcdf-ghjk ');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    const html = await res.text();
    expect(pageKind(html)).toBe('login');
    expect(html).toContain('action="/api/device"');
    expect(html).toContain('Demo &lt;TV&gt;');
    expect(fake.callsTo('device/verification')[0]?.body).toEqual({ userCode: 'BCDFGHJK' });
  });

  it.each([
    ['NOT_EXIST', 400, 'not recognised'],
    ['EXPIRED', 400, 'expired'],
    ['SERVER_ERROR', 500, 'could not be confirmed'],
  ])('%s → %i page', async (action, status, text) => {
    fake.on('device/verification', { body: { action } });
    const res = await enterUserCode(new Browser(app.url), 'BCDFGHJK');
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain(text);
    expect(fake.callsTo('device/complete')).toHaveLength(0);
  });

  it.each([
    ['SUCCESS', 'approve', 200, 'Device connected'],
    ['SUCCESS', 'deny', 200, 'Access denied'],
    ['USER_CODE_EXPIRED', 'approve', 400, 'expired'],
    ['USER_CODE_NOT_EXIST', 'approve', 400, 'could not be confirmed'],
    ['INVALID_REQUEST', 'approve', 500, 'could not be confirmed'],
    ['SERVER_ERROR', 'approve', 500, 'could not be confirmed'],
  ] as const)(
    '%s after %s → %i page; /device/complete gets the decision',
    async (action, decision, status, text) => {
      fake.on('device/verification', { body: VALID });
      fake.on('device/complete', { body: { action } });
      const browser = new Browser(app.url);
      const login = await (await enterUserCode(browser, 'BCDFGHJK')).text();
      const consent = await deviceLogin(browser, login, 'alice', 'alice-password');
      const consentHtml = await consent.text();
      expect(pageKind(consentHtml)).toBe('consent');
      expect(consentHtml).toContain('Watch &lt;TV&gt; shows.');
      const res = await deviceDecide(browser, consentHtml, decision);
      expect(res.status).toBe(status);
      expect(await res.text()).toContain(text);
      const sent = fake.callsTo('device/complete')[0]?.body as Record<string, unknown>;
      expect(sent).toMatchObject({
        userCode: 'BCDFGHJK',
        result: decision === 'approve' ? 'AUTHORIZED' : 'ACCESS_DENIED',
      });
      if (decision === 'approve') expect(typeof sent.subject).toBe('string');
      if (decision === 'approve') expect(typeof sent.authTime).toBe('number');
    },
  );

  it('a form without the session CSRF token is refused and never looks the code up', async () => {
    const browser = new Browser(app.url);
    await browser.get('/api/device');
    const res = await browser.post('/api/device', { csrf: 'forged', user_code: 'BCDFGHJK' });
    expect(res.status).toBe(403);
    expect(fake.callsTo('device/verification')).toHaveLength(0);
  });
});
