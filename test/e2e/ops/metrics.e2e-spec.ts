import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { LoginMetrics } from '../../../src/ops/metrics/login-metrics';
import { StoreMetrics } from '../../../src/ops/metrics/store-metrics';
import { CLIENT_BASIC, postForm, sample, scrape } from './ops-helpers';

describe('GET /metrics exposes the named Prometheus series', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFaultAuthlete();
    app = await startTestApp({
      ...fakeAuthleteEnv(fake.url),
      AUTHLETE_RETRY_MAX_ATTEMPTS: '1',
      BREAKER_MIN_CALLS: '1',
      BREAKER_OPEN_MS: '60000',
      THROTTLE_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('answers the text exposition format with no-store', async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('# TYPE process_cpu_user_seconds_total counter');
  });

  it('records HTTP durations by route template and status, Authlete calls by action and failure kind, breaker state, logins and store errors', async () => {
    await postForm(`${app.url}/api/token`, 'grant_type=client_credentials', {
      authorization: CLIENT_BASIC,
    });
    fake.fault({ kind: 'status', status: 503 }, 'auth/revocation');
    await postForm(`${app.url}/api/revocation`, 'token=t', { authorization: CLIENT_BASIC });
    await fetch(`${app.url}/api/does-not-exist/12345`);
    const login = app.app.get(LoginMetrics);
    login.succeeded();
    login.failed();
    login.failed('rate_limited');
    app.app.get(StoreMetrics).error('session', 'get');

    const text = await scrape(app.url);
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/token',
        status_code: '200',
      }),
    ).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        route: '/api/revocation',
        status_code: '503',
      }),
    ).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        route: 'unmatched',
        status_code: '404',
      }),
    ).toBe(1);
    expect(text).not.toContain('12345');
    expect(
      sample(text, 'authlete_call_duration_seconds_count', { api: 'auth/token', result: 'OK' }),
    ).toBe(1);
    expect(
      sample(text, 'authlete_call_duration_seconds_count', {
        api: 'auth/revocation',
        result: 'http_503',
      }),
    ).toBe(1);
    expect(sample(text, 'authlete_circuit_breaker_state', { api: 'auth/revocation' })).toBe(2);
    expect(sample(text, 'authlete_circuit_breaker_state', { api: 'auth/token' })).toBe(0);
    expect(sample(text, 'login_attempts_total', { result: 'success' })).toBe(1);
    expect(
      sample(text, 'login_attempts_total', { result: 'failure', reason: 'invalid_credentials' }),
    ).toBe(1);
    expect(
      sample(text, 'login_attempts_total', { result: 'failure', reason: 'rate_limited' }),
    ).toBe(1);
    expect(sample(text, 'store_errors_total', { store: 'session', operation: 'get' })).toBe(1);
    expect(text).toContain('# TYPE rate_limit_rejections_total counter');
    expect(text).toContain('# TYPE authlete_call_retries_total counter');
  });
});
