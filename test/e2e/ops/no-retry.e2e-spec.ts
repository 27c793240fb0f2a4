import { startFaultAuthlete, type Fault, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { CLIENT_BASIC, pause, postForm } from './ops-helpers';

const RESILIENCE = {
  AUTHLETE_TIMEOUT_MS: '200',
  // Room for every retry of the safe API in the last test; each attempt still stops at 200 ms.
  AUTHLETE_DEADLINE_MS: '5000',
  AUTHLETE_RETRY_MAX_ATTEMPTS: '5',
  AUTHLETE_RETRY_BASE_DELAY_MS: '1',
  BREAKER_MIN_CALLS: '1000',
  THROTTLE_ENABLED: 'false',
};

const FAULTS: readonly [string, Fault][] = [
  ['a 500', { kind: 'status', status: 500 }],
  ['a 503', { kind: 'status', status: 503 }],
  ['a 429 with Retry-After: 0', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }],
  ['a timeout', { kind: 'slow', delayMs: 600 }],
];

describe('non-idempotent Authlete APIs are never retried (calls counted at the fake)', () => {
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
  afterEach(() => fake.fault({ kind: 'none' }));

  const cases: readonly [string, string, () => Promise<Response>][] = [
    [
      'auth/token',
      'POST /api/token',
      () =>
        postForm(`${app.url}/api/token`, 'grant_type=client_credentials', {
          authorization: CLIENT_BASIC,
        }),
    ],
    [
      'auth/revocation',
      'POST /api/revocation',
      () => postForm(`${app.url}/api/revocation`, 'token=t', { authorization: CLIENT_BASIC }),
    ],
    [
      'pushed_auth_req',
      'POST /api/par',
      () =>
        postForm(`${app.url}/api/par`, 'response_type=code&client_id=demo-web', {
          authorization: CLIENT_BASIC,
        }),
    ],
    [
      'auth/userinfo',
      'GET /api/userinfo',
      () => fetch(`${app.url}/api/userinfo`, { headers: { authorization: 'Bearer at' } }),
    ],
    [
      'auth/authorization',
      'GET /api/authorization',
      () => fetch(`${app.url}/api/authorization?response_type=code&client_id=demo-web`),
    ],
  ];

  describe.each(FAULTS)('Authlete answering %s', (_title, fault) => {
    it.each(cases)('%s (%s) is called exactly once per request', async (api, _route, send) => {
      fake.fault(fault, api);
      const before = fake.callsTo(api).length;
      const res = await send();
      expect(res.status).toBeGreaterThanOrEqual(500);
      await pause(50); // a retry, if any, would have been sent by now
      expect(fake.callsTo(api).length - before).toBe(1);
    });
  });

  it.each(FAULTS)(
    'auth/token/issue after a PASSWORD grant is called once when Authlete answers %s',
    async (_title, fault) => {
      fake.answer('auth/token', {
        action: 'PASSWORD',
        ticket: 'tk',
        username: 'alice',
        password: 'alice-password',
        clientId: 1,
      });
      fake.fault(fault, 'auth/token/issue');
      const before = fake.callsTo('auth/token/issue').length;
      const res = await postForm(
        `${app.url}/api/token`,
        'grant_type=password&username=alice&password=alice-password',
        {
          authorization: CLIENT_BASIC,
        },
      );
      expect(res.status).toBeGreaterThanOrEqual(500);
      await pause(50);
      expect(fake.callsTo('auth/token/issue').length - before).toBe(1);
      fake.answer('auth/token', { action: 'OK', responseContent: '{"access_token":"fake-at"}' });
    },
  );

  it('the same faults on a safe API (introspection) are retried, so the count above is meaningful', async () => {
    fake.fault({ kind: 'status', status: 503 }, 'auth/introspection/standard');
    const before = fake.callsTo('auth/introspection/standard').length;
    const rs = `Basic ${Buffer.from('demo-rs:demo-rs-secret').toString('base64')}`;
    const res = await postForm(`${app.url}/api/introspection`, 'token=t', { authorization: rs });
    expect(res.status).toBe(500);
    expect(fake.callsTo('auth/introspection/standard').length - before).toBe(5);
  });
});
