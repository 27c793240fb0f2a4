import { startTestApp, type TestApp } from '../../support/test-app';
import { postForm, sample, scrape } from './ops-helpers';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const ATTACKER = { 'x-forwarded-for': '198.51.100.66' };
const SERVICE = { 'x-forwarded-for': '203.0.113.10' };

/**
 * Per-client throttling counts authenticated clients only (RFC 6749 §2.3: a client is who its
 * credentials prove, not who a request names). On the embedded engine, which really checks the
 * secrets: an attacker floods the token endpoint with wrong secrets in demo-service's name.
 */
describe('a wrong-secret flood in a client’s name does not throttle that client', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      TRUST_PROXY: 'loopback',
      THROTTLE_LIMIT_PER_CLIENT: '100',
      THROTTLE_LIMIT_PER_IP: '100000',
      THROTTLE_CLIENT_FAILURES_PER_IP: '30',
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const token = (secret: string, from: Record<string, string>) =>
    postForm(`${app.url}/api/token`, 'grant_type=client_credentials&scope=read', {
      ...from,
      authorization: basic('demo-service', secret),
    });

  it('1,000 wrong-secret requests naming demo-service leave demo-service’s correct requests from another IP at 200', async () => {
    const statuses = new Map<number, number>();
    for (let sent = 0; sent < 1000; sent += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const res = await token('wrong-secret', ATTACKER);
          await res.arrayBuffer();
          return res.status;
        }),
      );
      for (const status of batch) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // The first failures are answered 401 invalid_client; then this IP is blocked for this client.
    expect((statuses.get(401) ?? 0) + (statuses.get(429) ?? 0)).toBe(1000);
    expect(statuses.get(429) ?? 0).toBeGreaterThanOrEqual(900);

    for (let i = 0; i < 20; i += 1) {
      const res = await token('demo-service-secret', SERVICE);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ token_type: 'Bearer' });
    }
    // Even the correct secret from the attacker's address waits out the block for this client.
    const blocked = await token('demo-service-secret', ATTACKER);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(
      sample(await scrape(app.url), 'rate_limit_rejections_total', {
        route: 'token',
        scope: 'client-ip-failures',
      }),
    ).toBeGreaterThanOrEqual(900);
  }, 120000);
});

describe('an authenticated client still has its own limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      TRUST_PROXY: 'loopback',
      THROTTLE_LIMIT_PER_CLIENT: '50',
      THROTTLE_LIMIT_PER_IP: '100000',
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('its 51st accepted request in the window gets 429, whichever address it comes from', async () => {
    const send = (n: number) =>
      postForm(`${app.url}/api/token`, 'grant_type=client_credentials&scope=read', {
        'x-forwarded-for': `192.0.2.${n % 200}`,
        authorization: basic('demo-service', 'demo-service-secret'),
      });
    for (let i = 0; i < 50; i += 1) expect((await send(i)).status).toBe(200);
    const limited = await send(50);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({
      error: 'slow_down',
      error_description: 'Too many requests',
    });
  }, 120000);
});
