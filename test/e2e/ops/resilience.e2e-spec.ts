import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { CLIENT_BASIC, RS_BASIC, pause, postForm, sample, scrape } from './ops-helpers';

const OPEN_MS = 400;
/** The breaker's window; the pause between tests outlasts it, so no test inherits failures. */
const WINDOW_MS = 1000;
const RESILIENCE = {
  AUTHLETE_TIMEOUT_MS: '200',
  AUTHLETE_DEADLINE_MS: '3000',
  AUTHLETE_RETRY_MAX_ATTEMPTS: '3',
  AUTHLETE_RETRY_BASE_DELAY_MS: '10',
  AUTHLETE_RETRY_MAX_DELAY_MS: '1500',
  BREAKER_MIN_CALLS: '3',
  BREAKER_WINDOW_MS: String(WINDOW_MS),
  BREAKER_HALF_OPEN_CALLS: '1',
  BREAKER_OPEN_MS: String(OPEN_MS),
  HEALTH_AUTHLETE_CACHE_MS: '0',
  THROTTLE_ENABLED: 'false',
};

describe('resilience against a failing Authlete (fault-injecting fake on a real socket)', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFaultAuthlete();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url), ...RESILIENCE });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  afterEach(async () => {
    fake.fault({ kind: 'none' });
    // Every breaker may admit its trial call again, and every window has emptied.
    await pause(Math.max(OPEN_MS, WINDOW_MS) + 50);
  });

  const token = () =>
    postForm(`${app.url}/api/token`, 'grant_type=client_credentials', {
      authorization: CLIENT_BASIC,
    });
  const revoke = () =>
    postForm(`${app.url}/api/revocation`, 'token=t', { authorization: CLIENT_BASIC });
  const introspect = () =>
    postForm(`${app.url}/api/introspection`, 'token=t', { authorization: RS_BASIC });
  const ready = () => fetch(`${app.url}/health/ready`);

  it('goes down: 500 server_error at the token endpoint, 503 at revocation, readiness red; then recovers', async () => {
    expect((await ready()).status).toBe(200);
    await fake.down();

    const tokenRes = await token();
    expect(tokenRes.status).toBe(500);
    expect(tokenRes.headers.get('cache-control')).toBe('no-store');
    expect(await tokenRes.json()).toEqual({ error: 'server_error' });
    const revokeRes = await revoke();
    expect(revokeRes.status).toBe(503);
    expect(await revokeRes.json()).toEqual({ error: 'temporarily_unavailable' });

    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      status: 'error',
      error: { authlete: { status: 'down', reason: 'unreachable' } },
    });
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);

    await fake.up();
    await pause(OPEN_MS + 50);
    expect((await ready()).status).toBe(200);
    expect((await token()).status).toBe(200);
    expect((await revoke()).status).toBe(200);
  });

  it('opens the breaker once the failure rate is reached, answers 503 + Retry-After at once without calling Authlete, and closes it after a good trial', async () => {
    fake.fault({ kind: 'status', status: 500 }, 'auth/token');
    for (let i = 0; i < 3; i += 1) expect((await token()).status).toBe(500);
    expect(fake.callsTo('auth/token').length).toBeGreaterThanOrEqual(3);
    expect(
      sample(await scrape(app.url), 'authlete_circuit_breaker_state', { api: 'auth/token' }),
    ).toBe(2);

    const before = fake.callsTo('auth/token').length;
    for (let i = 0; i < 5; i += 1) {
      const res = await token();
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(await res.json()).toEqual({ error: 'server_error' });
    }
    expect(fake.callsTo('auth/token').length).toBe(before);
    const metrics = await scrape(app.url);
    expect(
      sample(metrics, 'authlete_call_duration_seconds_count', {
        api: 'auth/token',
        result: 'circuit-open',
      }),
    ).toBeGreaterThanOrEqual(5);

    // The other APIs keep their own, closed breakers.
    expect((await revoke()).status).toBe(200);

    fake.fault({ kind: 'none' });
    await pause(OPEN_MS + 50);
    expect((await token()).status).toBe(200);
    expect(
      sample(await scrape(app.url), 'authlete_circuit_breaker_state', { api: 'auth/token' }),
    ).toBe(0);
  });

  it('an open breaker at revocation answers 503 with Retry-After', async () => {
    fake.fault({ kind: 'status', status: 502 }, 'auth/revocation');
    for (let i = 0; i < 3; i += 1) await revoke();
    const res = await revoke();
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toEqual({ error: 'temporarily_unavailable' });
  });

  it('slow beyond the timeout: 500 at the token endpoint, counted as a timeout', async () => {
    fake.fault({ kind: 'slow', delayMs: 1000 }, 'auth/token');
    const res = await token();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'server_error' });
    expect(
      sample(await scrape(app.url), 'authlete_call_duration_seconds_count', {
        api: 'auth/token',
        result: 'timeout',
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('a 500 on a safe API is retried; the retry that succeeds answers 200', async () => {
    fake.faultNext('auth/introspection/standard', { kind: 'status', status: 500 }, 2);
    const calls = fake.callsTo('auth/introspection/standard').length;
    const res = await introspect();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ active: false });
    expect(fake.callsTo('auth/introspection/standard').length - calls).toBe(3);
    expect(
      sample(await scrape(app.url), 'authlete_call_retries_total', {
        api: 'auth/introspection/standard',
        reason: 'http_500',
      }),
    ).toBe(2);
  });

  it('a 429 with Retry-After is honoured before the retry', async () => {
    fake.faultNext(
      'auth/introspection/standard',
      { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      1,
    );
    const first = fake.callsTo('auth/introspection/standard').length;
    const res = await introspect();
    expect(res.status).toBe(200);
    const calls = fake.callsTo('auth/introspection/standard').slice(first);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('a 429 asking for longer than AUTHLETE_RETRY_MAX_DELAY_MS is not waited for: 503 + Retry-After', async () => {
    fake.faultNext(
      'auth/introspection/standard',
      { kind: 'status', status: 429, headers: { 'retry-after': '30' } },
      1,
    );
    const first = fake.callsTo('auth/introspection/standard').length;
    const res = await introspect();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(fake.callsTo('auth/introspection/standard').length - first).toBe(1);
  });

  it('garbage JSON: 500 server_error, and the next good answer is served', async () => {
    fake.fault({ kind: 'garbage' }, 'auth/token');
    const res = await token();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'server_error' });
    fake.fault({ kind: 'none' });
    expect((await token()).status).toBe(200);
  });

  it('readiness flips red while the readiness API answers 500 and back when it recovers', async () => {
    fake.fault({ kind: 'status', status: 500 }, 'service/configuration');
    const red = await ready();
    expect(red.status).toBe(503);
    expect(await red.json()).toMatchObject({
      error: { authlete: { status: 'down', reason: 'http_500' } },
    });
    fake.fault({ kind: 'none' });
    await pause(OPEN_MS + 50);
    expect((await ready()).status).toBe(200);
  });
});
