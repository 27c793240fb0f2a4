import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startEngine, type RunningEngine } from '../../../engine/index';
import { createApp } from '../../../src/bootstrap';
import { resetEnv, setEnv } from '../../support/test-app';
import { demoJwt, EXCHANGE, JWT_BEARER, postForm } from '../../e2e/grants/grant-helpers';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
}

/**
 * RFC 7523 §3 item 7 across instances: the `jti` of a JWT-bearer assertion is remembered in the
 * shared Redis store, so an assertion redeemed at one instance is refused at the other.
 */
describe('JWT-bearer jti replay with two instances sharing one Redis (REDIS_URL)', () => {
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
      dataDir: '.data/test-redis-jti',
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

  it('an assertion redeemed at instance A is invalid_grant at instance B', async () => {
    const assertion = await demoJwt({ jti: randomUUID() });
    const grant = (url: string) =>
      postForm(`${url}/api/token`, { grant_type: JWT_BEARER, assertion, scope: 'read' }, EXCHANGE);
    expect((await grant(urls[0]!)).status).toBe(200);
    const replay = await grant(urls[1]!);
    expect({ status: replay.status, error: replay.json.error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
    expect(await redis.keys(`${prefix}{general}:once:jwt-bearer:*`)).toHaveLength(1);
  });
});
