import { startTestApp, type TestApp } from '../../support/test-app';
import { sample, scrape } from './ops-helpers';

const legacy = `Basic ${Buffer.from('demo-legacy:demo-legacy-secret').toString('base64')}`;

function passwordGrant(app: TestApp, password: string): Promise<Response> {
  return fetch(`${app.url}/api/token`, {
    method: 'POST',
    headers: { authorization: legacy, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'bob', password }).toString(),
  });
}

describe('metrics fed by real traffic (embedded engine)', () => {
  it('counts PASSWORD-grant logins in login_attempts_total by result', async () => {
    const app = await startTestApp({ LOGIN_PAIR_FREE_FAILURES: '1' });
    try {
      expect((await passwordGrant(app, 'wrong')).status).toBe(400);
      expect((await passwordGrant(app, 'bob-password')).status).toBe(200);
      expect((await passwordGrant(app, 'wrong')).status).toBe(400);
      expect((await passwordGrant(app, 'wrong')).status).toBe(400);
      expect((await passwordGrant(app, 'bob-password')).status).toBe(400); // limited
      const text = await scrape(app.url);
      expect(sample(text, 'login_attempts_total', { result: 'success' })).toBe(1);
      const failure = { result: 'failure', reason: 'invalid_credentials' };
      expect(sample(text, 'login_attempts_total', failure)).toBe(3);
      const limited = { result: 'failure', reason: 'rate_limited' };
      expect(sample(text, 'login_attempts_total', limited)).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('counts session-store failures in store_errors_total when Redis is unreachable', async () => {
    const app = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', THROTTLE_ENABLED: 'false' });
    try {
      const path =
        '/api/authorization?response_type=code&client_id=demo-web&scope=openid' +
        '&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&state=s&nonce=n';
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      expect(response.status).toBeGreaterThanOrEqual(500);
      const text = await scrape(app.url);
      expect(sample(text, 'store_errors_total', { store: 'session' })).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
    }
  });
});
