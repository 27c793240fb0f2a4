import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from '../../support/browser';
import {
  backchannelAuthentication,
  basicAuth,
  CIBA_POLL_CLIENT,
  decideOnDevice as decide,
  pollCibaToken,
  signInOnDevice,
} from '../../support/ciba';
import { demoClient, writeEngineConfig } from '../../support/engine-config';
import { freePort } from '../../support/free-port';
import { startTestApp, type TestApp } from '../../support/test-app';
import { NotificationReceiver } from './notification-receiver';

const basic = basicAuth;
const POLL = CIBA_POLL_CLIENT;
const PING = basic('demo-ciba-ping', 'demo-ciba-ping-secret');
const PUSH = basic('test-ciba-push', 'demo-ciba-ping-secret');

function configFile(dir: string, endpoint: string): string {
  return writeEngineConfig(dir, (config) => {
    config.service.backchannelPollingInterval = 1;
    const ping = demoClient(config, 'demo-ciba-ping');
    ping.bcNotificationEndpoint = endpoint;
    config.clients.push({
      ...ping,
      clientId: 17201083166189,
      clientIdAlias: 'test-ciba-push',
      bcDeliveryMode: 'PUSH',
    });
  });
}

const backchannel = (app: TestApp, client: string, body: Record<string, string>) =>
  backchannelAuthentication(app.url, client, body);
const poll = (app: TestApp, client: string, authReqId: string) =>
  pollCibaToken(app.url, client, authReqId);

/** A ping-mode request for alice, approved on the demo device page. */
async function pingApproved(app: TestApp, notificationToken: string) {
  const started = await backchannel(app, PING, {
    login_hint: 'alice',
    client_notification_token: notificationToken,
  });
  const authReqId = started.body.auth_req_id as string;
  const browser = new Browser(app.url);
  const done = await decide(browser, await signInOnDevice(browser), authReqId, 'approve');
  return { ...done, authReqId };
}

describe('CIBA (OpenID Connect CIBA Core 1.0) end to end on the embedded engine', () => {
  let app: TestApp;
  let dir: string;
  let receiver: NotificationReceiver;
  let warnings: jest.SpyInstance;
  beforeAll(async () => {
    receiver = await NotificationReceiver.start();
    dir = mkdtempSync(join(tmpdir(), 'ciba-e2e-'));
    app = await startTestApp({
      THROTTLE_ENABLED: 'false',
      ENGINE_CONFIG: configFile(dir, receiver.url),
      ENGINE_DATA_DIR: join(dir, 'data'),
      CIBA_NOTIFICATION_TIMEOUT_MS: '300',
      CIBA_NOTIFICATION_ATTEMPTS: '3',
      CIBA_NOTIFICATION_BACKOFF_MS: '50',
    });
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.mode = 'ok';
    warnings = jest.spyOn(Logger.prototype, 'warn');
  });
  afterEach(() => warnings.mockRestore());

  it('poll: pending, then tokens after approval on the demo device page; binding_message shown escaped', async () => {
    const started = await backchannel(app, POLL, {
      login_hint: 'alice',
      binding_message: '<b>W4SCT</b>',
    });
    expect(started.status).toBe(200);
    const authReqId = started.body.auth_req_id as string;
    expect(started.body).toMatchObject({ expires_in: 600, interval: 1 });
    expect((await poll(app, POLL, authReqId)).body.error).toBe('authorization_pending');
    const browser = new Browser(app.url);
    const page = await signInOnDevice(browser);
    expect(page).toContain('Demo Call Centre');
    expect(page).toContain('&lt;b&gt;W4SCT&lt;/b&gt;');
    expect(page).not.toContain('<b>W4SCT</b>');
    const done = await decide(browser, page, authReqId, 'approve');
    expect(done.html).toContain('Approved');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const tokens = await poll(app, POLL, authReqId);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer' });
    expect(tokens.body.id_token).toEqual(expect.any(String));
  });

  it('the demo device page speaks Japanese to a browser that asks for it', async () => {
    const started = await backchannel(app, POLL, { login_hint: 'alice', binding_message: 'W4SCT' });
    const authReqId = started.body.auth_req_id as string;
    const browser = new Browser(app.url);
    const ja = { 'accept-language': 'ja' };
    const login = await (await browser.get('/api/backchannel/device', ja)).text();
    expect(login).toContain('<html lang="ja"');
    expect(login).toContain('ユーザー名');
    const page = await signInOnDevice(browser, ja);
    expect(page).toContain('<html lang="ja"');
    expect(page).toContain('承認待ちのリクエスト');
    expect(page).toContain('もう一方の画面に表示されているコード:');
    const done = await decide(browser, page, authReqId, 'approve', ja);
    expect(done.status).toBe(200);
    expect(done.html).toContain('Demo Call Centre を承認しました。');
  });

  it('deny gives access_denied; an unknown login_hint gives unknown_user_id', async () => {
    const started = await backchannel(app, POLL, { login_hint: 'alice' });
    const authReqId = started.body.auth_req_id as string;
    const browser = new Browser(app.url);
    const page = await signInOnDevice(browser);
    await decide(browser, page, authReqId, 'deny');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const denied = await poll(app, POLL, authReqId);
    expect(denied.status).toBe(400);
    expect(denied.body.error).toBe('access_denied');
    const unknown = await backchannel(app, POLL, { login_hint: 'mallory' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('unknown_user_id');
  });

  it('ping: the receiver gets {auth_req_id} with the client notification token as Bearer, then the client polls', async () => {
    const started = await backchannel(app, PING, {
      login_hint: 'alice',
      client_notification_token: 'nt-ping-1',
    });
    const authReqId = started.body.auth_req_id as string;
    const browser = new Browser(app.url);
    await decide(browser, await signInOnDevice(browser), authReqId, 'approve');
    await receiver.waitFor(1);
    expect(receiver.received[0]).toEqual({
      authorization: 'Bearer nt-ping-1',
      contentType: 'application/json',
      body: { auth_req_id: authReqId },
    });
    const tokens = await poll(app, PING, authReqId);
    expect(tokens.status).toBe(200);
  });

  it('push: the receiver gets the tokens; the client may not poll', async () => {
    const started = await backchannel(app, PUSH, {
      login_hint: 'alice',
      client_notification_token: 'nt-push-1',
    });
    const authReqId = started.body.auth_req_id as string;
    const browser = new Browser(app.url);
    await decide(browser, await signInOnDevice(browser), authReqId, 'approve');
    await receiver.waitFor(1);
    const pushed = receiver.received[0];
    expect(pushed?.authorization).toBe('Bearer nt-push-1');
    expect(pushed?.body).toMatchObject({ auth_req_id: authReqId, token_type: 'Bearer' });
    expect(typeof pushed?.body.access_token).toBe('string');
    expect((await poll(app, PUSH, authReqId)).body.error).toBe('unauthorized_client');
  });

  it.each([
    ['answers 500', 'error' as const],
    ['hangs', 'hang' as const],
  ])(
    'a receiver that %s gets bounded retries; the page and the server stay up; no token in the logs',
    async (_title, mode) => {
      receiver.mode = mode;
      const done = await pingApproved(app, 'secret-nt-9');
      expect(done.status).toBe(200);
      await receiver.waitFor(3);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(receiver.received).toHaveLength(3);
      const logged = warnings.mock.calls.map((args) => JSON.stringify(args)).join('\n');
      expect(logged).toContain(
        'CIBA notification to client demo-ciba-ping failed after 3 attempt(s)',
      );
      expect(logged).not.toContain('secret-nt-9');
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    },
  );
});

describe('CIBA notifications to a receiver that refuses connections', () => {
  it('is bounded and logged, and the server stays up', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'ciba-refuse-'));
    const app = await startTestApp({
      THROTTLE_ENABLED: 'false',
      ENGINE_CONFIG: configFile(dir, `http://127.0.0.1:${port}/ciba/notify`),
      ENGINE_DATA_DIR: join(dir, 'data'),
      CIBA_NOTIFICATION_BACKOFF_MS: '20',
    });
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    try {
      const done = await pingApproved(app, 'nt-x');
      expect(done.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const logged = warnings.mock.calls.map((args) => JSON.stringify(args)).join('\n');
      expect(logged).toContain('failed after 3 attempt(s)');
      expect((await poll(app, PING, done.authReqId)).status).toBe(200);
    } finally {
      warnings.mockRestore();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
