import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { startEngine, type RunningEngine } from '../../../engine/index';
import { createApp } from '../../../src/bootstrap';
import { setEnv, resetEnv } from '../../support/test-app';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser } from '../../support/browser';
import { pageKind, redirectParams } from '../../support/pages';
import {
  authorizationPath,
  submitConsent,
  submitLogin,
} from '../../e2e/authorization/support/flow';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
}

/** Same cookies, another instance: a browser whose requests a load balancer sends elsewhere. */
function onInstance(browser: Browser, baseUrl: string): Browser {
  const moved = new Browser(baseUrl);
  for (const [name, value] of browser.cookies) moved.cookies.set(name, value);
  return moved;
}

describe('two instances sharing one Redis (REDIS_URL)', () => {
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
      // A temporary directory from test/support/global-setup.ts, never the repository's .data/.
      dataDir: process.env.ENGINE_DATA_DIR!,
    });
    setEnv({
      LOG_LEVEL: 'silent',
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

  it('honours on instance B a login and a consent made on instance A', async () => {
    const onA = new Browser(urls[0]!);
    const login = await (await onA.get(authorizationPath())).text();
    const consent = await (await submitLogin(onA, login, 'alice', 'alice-password')).text();
    const first = await submitConsent(onA, consent, 'approve');
    expect(redirectParams(first).get('code')).toBeTruthy();

    const onB = onInstance(onA, urls[1]!);
    const second = await onB.get(authorizationPath());
    expect(second.status).toBe(302);
    expect(redirectParams(second).get('code')).toBeTruthy();
    const silent = await onB.get(authorizationPath({ prompt: 'none' }));
    expect(redirectParams(silent).get('code')).toBeTruthy();
    expect(await redis.keys(`${prefix}{sessions}:session:*`)).not.toHaveLength(0);
    // Every key has a TTL (no unbounded growth), the capped spaces' indexes included.
    for (const key of await redis.keys(`${prefix}*`)) {
      if (!key.endsWith('~index')) expect(await redis.ttl(key)).toBeGreaterThan(0);
    }
  });

  it('finishes on B pages rendered by A, and each interaction is single-use across both', async () => {
    const onA = new Browser(urls[0]!);
    const path = authorizationPath({ scope: 'openid email', prompt: 'consent' });
    const page = await (await onA.get(path)).text();
    const consent = await (
      await submitLogin(onInstance(onA, urls[1]!), page, 'bob', 'bob-password')
    ).text();
    expect(pageKind(consent)).toBe('consent');
    const onB = new Browser(urls[1]!);
    const consentPage = await (
      await submitLogin(onB, await (await onB.get(path)).text(), 'bob', 'bob-password')
    ).text();
    const approved = await submitConsent(onInstance(onB, urls[0]!), consentPage, 'approve');
    expect(redirectParams(approved).get('code')).toBeTruthy();
    // A replay on the other instance gets the same result, never a second code.
    const replay = await submitConsent(onB, consentPage, 'approve');
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toBe(approved.headers.get('location'));
  });

  it('counts failed logins across instances', async () => {
    const onA = new Browser(urls[0]!);
    const username = `nobody-${randomBytes(4).toString('hex')}`;
    let html = await (await onA.get(authorizationPath())).text();
    const onB = onInstance(onA, urls[1]!);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const browser = attempt % 2 === 0 ? onA : onB;
      html = await (await submitLogin(browser, html, username, 'wrong')).text();
    }
    expect(html).not.toContain('Too many failed attempts');
    html = await (await submitLogin(onB, html, username, 'wrong')).text();
    expect(html).toContain('Please wait 1 second');
    html = await (await submitLogin(onA, html, username, 'wrong')).text();
    expect(html).toContain('Too many failed attempts. Please wait 1 second');
  });
});
