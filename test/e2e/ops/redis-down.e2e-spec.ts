import { createServer } from 'node:net';
import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { CLIENT_BASIC, postForm, sample, scrape } from './ops-helpers';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Redis configured but unreachable', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFaultAuthlete();
    app = await startTestApp({
      ...fakeAuthleteEnv(fake.url),
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      THROTTLE_LIMIT_PER_CLIENT: '1',
      HEALTH_AUTHLETE_CACHE_MS: '0',
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('readiness is red and names Redis', async () => {
    const res = await fetch(`${app.url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      info: { authlete: { status: 'up' } },
      error: { redis: { status: 'down' } },
    });
  });

  it('rate limiting fails open (requests are served) and counts the store errors', async () => {
    for (let i = 0; i < 3; i += 1) {
      const res = await postForm(`${app.url}/api/token`, 'grant_type=client_credentials', {
        authorization: CLIENT_BASIC,
      });
      expect(res.status).toBe(200);
    }
    const errors = sample(await scrape(app.url), 'store_errors_total', { store: 'rate-limit' });
    expect(errors).toBeGreaterThanOrEqual(3);
  });
});
