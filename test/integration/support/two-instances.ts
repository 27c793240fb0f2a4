import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startEngine, type RunningEngine } from '../../../engine/index';
import { createApp } from '../../../src/bootstrap';
import { resetEnv, setEnv } from '../../support/test-app';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Two instances of the service behind one (imaginary) load balancer, as a suite sees them. */
export interface TwoInstances {
  /** Base URLs of instance A and instance B. */
  readonly urls: readonly [string, string];
  /** A client of the shared Redis, to look at the keys. */
  readonly redis: Redis;
  /** The key prefix both instances use (a fresh one per suite). */
  readonly prefix: string;
}

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
}

/**
 * Starts, before the suite's tests, one engine over HTTP (as Authlete would be) and two app
 * instances sharing it, one Redis (`REDIS_URL`), a fresh key prefix and one session secret; after
 * them closes all three and deletes the suite's keys. Read the getters inside the tests.
 */
export function useTwoInstances(env: Record<string, string> = {}): TwoInstances {
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  const state: { engine?: RunningEngine; apps: NestFastifyApplication[]; urls: string[] } = {
    apps: [],
    urls: [],
  };
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  beforeAll(async () => {
    const engine = await startEngine({
      host: '127.0.0.1',
      port: 0,
      config: 'config/engine.json',
      // A temporary directory from test/support/global-setup.ts, never the repository's .data/.
      dataDir: process.env['ENGINE_DATA_DIR']!,
    });
    state.engine = engine;
    setEnv({
      LOG_LEVEL: 'silent',
      REDIS_URL,
      SESSION_KEY_PREFIX: prefix,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      AUTHLETE_BASE_URL: engine.url,
      AUTHLETE_SERVICE_APIKEY: engine.serviceId,
      AUTHLETE_SERVICE_ACCESSTOKEN: engine.accessToken,
      ...env,
    });
    state.apps = [await createApp({ logger: false }), await createApp({ logger: false })];
    state.urls = [await listen(state.apps[0]!), await listen(state.apps[1]!)];
  });
  afterAll(async () => {
    for (const app of state.apps) await app.close();
    await state.engine?.close();
    resetEnv();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  return {
    get urls(): readonly [string, string] {
      const [a, b] = state.urls;
      if (a === undefined || b === undefined) throw new Error('the instances have not started');
      return [a, b];
    },
    redis,
    prefix,
  };
}
