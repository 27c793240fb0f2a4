import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { postForm, sample, scrape } from './ops-helpers';

/** Small limits so the tests reach them quickly. */
export const LIMITS = {
  THROTTLE_TTL_MS: '60000',
  THROTTLE_LIMIT_PER_IP: '6',
  THROTTLE_LIMIT_PER_CLIENT: '3',
  THROTTLE_LOGIN_LIMIT_PER_IP: '2',
  TRUST_PROXY: 'loopback',
};

const basic = (id: string) => `Basic ${Buffer.from(`${id}:secret`).toString('base64')}`;

/**
 * The rate-limit contract, run against the memory store (test/e2e) and the Redis store
 * (test/integration). `extraEnv` selects the store.
 */
export function describeRateLimits(store: string, extraEnv: () => Record<string, string>): void {
  describe(`rate limiting (${store} store)`, () => {
    let fake: FaultAuthlete;
    let app: TestApp;
    let ip = 0;
    /** A fresh client IP per test (believed from X-Forwarded-For: TRUST_PROXY=loopback). */
    let from: Record<string, string>;
    beforeAll(async () => {
      fake = await startFaultAuthlete();
      app = await startTestApp({ ...fakeAuthleteEnv(fake.url), ...LIMITS, ...extraEnv() });
    });
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });
    beforeEach(() => {
      ip += 1;
      from = { 'x-forwarded-for': `198.51.100.${ip}` };
    });

    const token = (client: string, headers = from) =>
      postForm(`${app.url}/api/token`, 'grant_type=client_credentials', {
        ...headers,
        authorization: basic(client),
      });

    it('limits each client: the request past THROTTLE_LIMIT_PER_CLIENT gets 429 with Retry-After and an OAuth error body', async () => {
      const client = `client-a-${store}-${ip}`;
      for (let i = 0; i < 3; i += 1) expect((await token(client)).status).toBe(200);
      const limited = await token(client);
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      expect(limited.headers.get('cache-control')).toBe('no-store');
      expect(limited.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(await limited.json()).toEqual({
        error: 'slow_down',
        error_description: 'Too many requests',
      });
      // Another client from the same address is not affected by this client's limit.
      expect((await token(`client-b-${store}-${ip}`)).status).toBe(200);
      // The same client from another address is still limited: the counter is per client.
      expect((await token(client, { 'x-forwarded-for': '203.0.113.250' })).status).toBe(429);
    });

    it('limits each IP across clients (client_id in the form counts as the client)', async () => {
      for (let i = 0; i < 6; i += 1) {
        const res = await postForm(
          `${app.url}/api/par`,
          `response_type=code&client_id=par-${store}-${ip}-${i}`,
          from,
        );
        expect(res.status).not.toBe(429);
      }
      const limited = await postForm(
        `${app.url}/api/par`,
        `client_id=another-${store}-${ip}`,
        from,
      );
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      // Another address is not limited.
      const other = await postForm(`${app.url}/api/par`, `client_id=x-${store}-${ip}`, {
        'x-forwarded-for': `192.0.2.${ip}`,
      });
      expect(other.status).not.toBe(429);
    });

    it('limits the authorization endpoint per client_id in the query', async () => {
      // Authlete knows the client and its redirect URI: the answer (302) counts for the client.
      fake.answer('auth/authorization', {
        action: 'LOCATION',
        responseContent: 'https://client.example/cb?error=access_denied',
      });
      const query = `response_type=code&client_id=authz-${store}-${ip}`;
      for (let i = 0; i < 3; i += 1) {
        expect(
          (
            await fetch(`${app.url}/api/authorization?${query}`, {
              headers: from,
              redirect: 'manual',
            })
          ).status,
        ).not.toBe(429);
      }
      expect(
        (
          await fetch(`${app.url}/api/authorization?${query}`, {
            headers: from,
            redirect: 'manual',
          })
        ).status,
      ).toBe(429);
    });

    it('limits login posts per IP with their own, lower limit', async () => {
      const login = () =>
        postForm(`${app.url}/api/authorization/decision`, 'username=alice&password=wrong', from);
      for (let i = 0; i < 2; i += 1) expect((await login()).status).not.toBe(429);
      const limited = await login();
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: 'slow_down' });
    });

    it('never limits other endpoints, and counts rejections in /metrics', async () => {
      for (let i = 0; i < 10; i += 1) {
        expect((await fetch(`${app.url}/health/live`, { headers: from })).status).toBe(200);
        const revoke = await postForm(`${app.url}/api/revocation`, 'token=t', {
          ...from,
          authorization: basic('rev-client'),
        });
        expect(revoke.status).not.toBe(429);
      }
      expect(
        sample(await scrape(app.url), 'rate_limit_rejections_total', {
          route: 'token',
          scope: 'client',
        }),
      ).toBeGreaterThanOrEqual(1);
    });
  });
}
