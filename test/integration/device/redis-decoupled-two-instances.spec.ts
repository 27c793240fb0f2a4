import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startEngine, type RunningEngine } from '../../../engine/index';
import { createApp } from '../../../src/bootstrap';
import { Browser } from '../../support/browser';
import { resetEnv, setEnv } from '../../support/test-app';
import { deviceLogin, enterUserCode } from '../../e2e/device/support/device-browser';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CIBA_CLIENT = `Basic ${Buffer.from('demo-ciba:demo-ciba-secret').toString('base64')}`;

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
}

function csrfOf(html: string): string {
  return /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
}

describe('device and CIBA state shared by two instances through Redis (REDIS_URL)', () => {
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  let engine: RunningEngine;
  let apps: NestFastifyApplication[] = [];
  let urls: string[] = [];
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    engine = await startEngine({
      host: '127.0.0.1',
      port: 0,
      config: 'config/engine.json',
      dataDir: process.env.ENGINE_DATA_DIR!,
    });
    setEnv({
      LOG_LEVEL: 'silent',
      THROTTLE_ENABLED: 'false',
      REDIS_URL,
      SESSION_KEY_PREFIX: prefix,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      AUTHLETE_BASE_URL: engine.url,
      AUTHLETE_SERVICE_APIKEY: engine.serviceId,
      AUTHLETE_SERVICE_ACCESSTOKEN: engine.accessToken,
    });
    apps = [await createApp({ logger: false }), await createApp({ logger: false })];
    urls = [await listen(apps[0]!), await listen(apps[1]!)];
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await engine.close();
    resetEnv();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('a CIBA request made through instance A is listed and approved on instance B', async () => {
    const started = await fetch(`${urls[0]!}/api/backchannel/authentication`, {
      method: 'POST',
      headers: { ...FORM, authorization: CIBA_CLIENT },
      body: 'scope=openid&login_hint=alice&binding_message=TWO-INSTANCES',
    });
    const { auth_req_id: authReqId } = (await started.json()) as { auth_req_id: string };
    const onB = new Browser(urls[1]!);
    const login = await (await onB.get('/api/backchannel/device')).text();
    const list = await (
      await onB.post('/api/backchannel/device', {
        csrf: csrfOf(login),
        username: 'alice',
        password: 'alice-password',
        decision: 'login',
      })
    ).text();
    expect(list).toContain('TWO-INSTANCES');
    const done = await onB.post('/api/backchannel/device', {
      csrf: csrfOf(list),
      request: authReqId,
      decision: 'approve',
    });
    expect(await done.text()).toContain('Approved');
    const tokens = await fetch(`${urls[0]!}/api/token`, {
      method: 'POST',
      headers: { ...FORM, authorization: CIBA_CLIENT },
      body: new URLSearchParams({
        grant_type: 'urn:openid:params:grant-type:ciba',
        auth_req_id: authReqId,
      }).toString(),
    });
    expect(tokens.status).toBe(200);
  });

  it('wrong user codes count on both instances (RFC 8628 §5.1)', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 12; index += 1) {
      const browser = new Browser(urls[index % 2]!);
      statuses.push((await enterUserCode(browser, `NOPE${index}`)).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('a verified code shown by A signs in on B', async () => {
    const device = (await (
      await fetch(`${urls[0]!}/api/device/authorization`, {
        method: 'POST',
        headers: FORM,
        body: 'client_id=demo-device&scope=openid',
      })
    ).json()) as { user_code: string };
    // Forget the previous test's wrong codes, which would throttle this browser too.
    const counters = await redis.keys(`${prefix}*device-code:*`);
    if (counters.length > 0) await redis.del(...counters);
    const onA = new Browser(urls[0]!);
    const login = await (await enterUserCode(onA, device.user_code)).text();
    const onB = new Browser(urls[1]!, onA.cookies);
    const consent = await (await deviceLogin(onB, login, 'alice', 'alice-password')).text();
    expect(consent).toContain('name="decision" value="approve"');
  });
});
