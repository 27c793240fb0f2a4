import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { formOf, pageKind } from '../../support/pages';
import { csrfOf, deviceDecide, deviceLogin, enterUserCode } from './support/device-browser';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface DeviceStart {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

async function startDevice(url: string): Promise<DeviceStart> {
  const res = await fetch(`${url}/api/device/authorization`, {
    method: 'POST',
    headers: FORM,
    body: 'client_id=demo-device&scope=openid%20profile',
  });
  expect(res.status).toBe(200);
  return (await res.json()) as DeviceStart;
}

async function poll(
  url: string,
  deviceCode: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/token`, {
    method: 'POST',
    headers: FORM,
    body: new URLSearchParams({
      grant_type: DEVICE_GRANT,
      device_code: deviceCode,
      client_id: 'demo-device',
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The code as a person might type it: lower case, with a dash in the middle. */
function typed(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase();
}

function configWith(dir: string, change: (service: Record<string, unknown>) => void): string {
  const config = JSON.parse(readFileSync('config/engine.json', 'utf8')) as {
    service: Record<string, unknown>;
  };
  change(config.service);
  const path = join(dir, 'engine.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe('device authorization grant (RFC 8628) end to end on the embedded engine', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'device-e2e-'));
    app = await startTestApp({
      THROTTLE_ENABLED: 'false',
      ENGINE_CONFIG: configWith(dir, (service) => {
        service.deviceFlowPollingInterval = 1;
      }),
      ENGINE_DATA_DIR: join(dir, 'data'),
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('§3.1–3.5: pending, slow_down, then the user types the code (lower case, dash), signs in, approves, and the device gets tokens', async () => {
    const start = await startDevice(app.url);
    expect(start.verification_uri).toMatch(/\/api\/device$/);
    expect(start.interval).toBe(1);
    expect((await poll(app.url, start.device_code)).body.error).toBe('authorization_pending');
    const fast = await poll(app.url, start.device_code);
    expect(fast.status).toBe(400);
    expect(fast.body.error).toBe('slow_down');
    const browser = new Browser(app.url);
    const login = await enterUserCode(browser, typed(start.user_code));
    const loginHtml = await login.text();
    expect(pageKind(loginHtml)).toBe('login');
    expect(loginHtml).toContain('Demo TV');
    const consent = await deviceLogin(browser, loginHtml, 'alice', 'alice-password');
    const consentHtml = await consent.text();
    expect(pageKind(consentHtml)).toBe('consent');
    const done = await deviceDecide(browser, consentHtml, 'approve');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Device connected');
    await new Promise((resolve) => setTimeout(resolve, 6_100));
    const tokens = await poll(app.url, start.device_code);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: 'openid profile' });
    expect(tokens.body.id_token).toEqual(expect.any(String));
    expect((await poll(app.url, start.device_code)).body.error).toBe('invalid_grant');
  }, 20_000);

  it('a browser asking for Japanese gets every verification page in Japanese (code, login, consent, result)', async () => {
    const start = await startDevice(app.url);
    const browser = new Browser(app.url);
    const ja = { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' };
    const codePage = await (await browser.get('/api/device', ja)).text();
    expect(codePage).toContain('<html lang="ja"');
    expect(codePage).toContain('デバイスに表示されているコードを入力してください。');
    // A form whose CSRF token does not match (not counted as a wrong code).
    const stale = await browser.post('/api/device', { csrf: 'stale', user_code: 'BCDFGHJK' }, ja);
    expect(stale.status).toBe(403);
    expect(await stale.text()).toContain('このフォームは有効期限が切れています。');
    const login = await browser.post(
      '/api/device',
      { csrf: csrfOf(codePage), user_code: typed(start.user_code) },
      ja,
    );
    const loginHtml = await login.text();
    expect(pageKind(loginHtml)).toBe('login');
    expect(loginHtml).toContain('<html lang="ja"');
    expect(loginHtml).toContain('ユーザー名');
    const consent = await browser.post(
      '/api/device',
      { ...formOf(loginHtml), username: 'alice', password: 'alice-password', decision: 'login' },
      ja,
    );
    const consentHtml = await consent.text();
    expect(pageKind(consentHtml)).toBe('consent');
    expect(consentHtml).toContain('アクセスを許可しますか？');
    const done = await browser.post(
      '/api/device',
      { ...formOf(consentHtml), decision: 'approve' },
      ja,
    );
    const doneHtml = await done.text();
    expect(done.status).toBe(200);
    expect(doneHtml).toContain('<html lang="ja"');
    expect(doneHtml).toContain('デバイスを接続しました');
  });

  it('verification_uri_complete pre-fills the code and still asks to confirm it (§5.4)', async () => {
    const start = await startDevice(app.url);
    const path =
      new URL(start.verification_uri_complete).pathname +
      new URL(start.verification_uri_complete).search;
    const res = await new Browser(app.url).get(path);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(`name="user_code"`);
    expect(html).toContain(`value="${start.user_code}"`);
    expect(html).toContain('Check that this is the code shown on your device');
  });

  it('a denied request gets access_denied; a signed-in user goes straight to consent', async () => {
    const browser = new Browser(app.url);
    const first = await startDevice(app.url);
    const login = await (await enterUserCode(browser, first.user_code)).text();
    const consent = await (await deviceLogin(browser, login, 'alice', 'alice-password')).text();
    await deviceDecide(browser, consent, 'deny');
    expect((await poll(app.url, first.device_code)).body.error).toBe('access_denied');
    const second = await startDevice(app.url);
    const again = await (await enterUserCode(browser, second.user_code)).text();
    expect(pageKind(again)).toBe('consent');
  });

  it('a wrong password shows the login page again with the shared message', async () => {
    const browser = new Browser(app.url);
    const start = await startDevice(app.url);
    const login = await (await enterUserCode(browser, start.user_code)).text();
    const retry = await deviceLogin(browser, login, 'alice', 'wrong');
    const html = await retry.text();
    expect(pageKind(html)).toBe('login');
    expect(html).toContain('role="alert"');
  });

  it('§5.1: 20 wrong user codes from one IP are throttled (429 with Retry-After), per session sooner', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 20; index += 1) {
      const browser = new Browser(app.url);
      const res = await enterUserCode(browser, `WRONG${String(index).padStart(3, '0')}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('device codes expire (RFC 8628 §3.5 expired_token)', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'device-expiry-'));
    app = await startTestApp({
      THROTTLE_ENABLED: 'false',
      ENGINE_CONFIG: configWith(dir, (service) => {
        service.deviceFlowCodeDuration = 1;
      }),
      ENGINE_DATA_DIR: join(dir, 'data'),
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an expired code gives expired_token to the device and an expiry page to the user', async () => {
    const start = await startDevice(app.url);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await poll(app.url, start.device_code)).body.error).toBe('expired_token');
    const res = await enterUserCode(new Browser(app.url), start.user_code);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('expired');
  });
});
