import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { CLIENT_BASIC, RS_BASIC, pause, postForm } from './ops-helpers';

/**
 * Real outages against the DEFAULT breaker, retry and readiness settings (only the Authlete
 * timeout is the test one, 1 s): a short blip must not stop token issuance for long, a named wait
 * reaches the client, and a hanging Authlete never makes a probe or a retry loop slow.
 */
describe('outages with the default resilience settings (fault-injecting fake Authlete)', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFaultAuthlete();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url), THROTTLE_ENABLED: 'false' });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  afterEach(() => fake.fault({ kind: 'none' }));

  const token = () =>
    postForm(`${app.url}/api/token`, 'grant_type=client_credentials', {
      authorization: CLIENT_BASIC,
    });

  it('a 0.5 s burst of 500s is followed by successful token issuance within 5 s', async () => {
    fake.fault({ kind: 'status', status: 500 }, 'auth/token');
    const burstEnds = performance.now() + 500;
    const statuses: number[] = [];
    // 0.5 s of traffic, and at least 20 calls however slow the machine is, so the burst is real.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (performance.now() < burstEnds || statuses.length < 20) {
          const res = await token();
          await res.arrayBuffer();
          statuses.push(res.status);
        }
      }),
    );
    fake.fault({ kind: 'none' });
    const recoveryStarts = performance.now();
    // The burst failed every call and opened the breaker (503 + Retry-After without calling).
    expect(statuses.length).toBeGreaterThanOrEqual(10);
    expect(statuses.every((status) => status === 500 || status === 503)).toBe(true);
    expect(statuses).toContain(503);

    let recovered: number | undefined;
    while (recovered === undefined && performance.now() - recoveryStarts < 6000) {
      const res = await token();
      if (res.status === 200) recovered = performance.now() - recoveryStarts;
      else await pause(50);
    }
    expect(recovered).toBeDefined();
    expect(recovered!).toBeLessThan(5000);
    for (let i = 0; i < 10; i += 1) expect((await token()).status).toBe(200);
  }, 20000);

  it('Authlete 429 with Retry-After gives the client 503 with Retry-After', async () => {
    fake.fault({ kind: 'status', status: 429, headers: { 'retry-after': '4' } }, 'auth/token');
    const res = await token();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('4');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: 'server_error' });
  });

  it('while Authlete hangs, /health/ready answers within 1 s every time and turns red', async () => {
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
    fake.fault({ kind: 'slow', delayMs: 60_000 });
    const answers: { ms: number; status: number }[] = [];
    const until = performance.now() + 5000;
    while (performance.now() < until) {
      const started = performance.now();
      const res = await fetch(`${app.url}/health/ready`);
      const body = (await res.json()) as { error?: { authlete?: { reason?: string } } };
      answers.push({ ms: performance.now() - started, status: res.status });
      if (res.status === 503) {
        expect(body.error?.authlete?.reason).toBe('timeout');
        break;
      }
      await pause(200);
    }
    for (const answer of answers) expect(answer.ms).toBeLessThan(1000);
    expect(answers.at(-1)?.status).toBe(503);
  }, 20000);

  it('while Authlete hangs, a retried API answers within the one call deadline, not once per attempt', async () => {
    fake.fault({ kind: 'slow', delayMs: 60_000 });
    const started = performance.now();
    const res = await postForm(`${app.url}/api/introspection`, 'token=t', {
      authorization: RS_BASIC,
    });
    const elapsed = performance.now() - started;
    expect(res.status).toBe(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // AUTHLETE_TIMEOUT_MS is 1 s here and AUTHLETE_DEADLINE_MS defaults to it: 3 attempts of 1 s
    // each would take 3 s.
    expect(elapsed).toBeLessThan(1500);
  });
});
