import { Logger } from '@nestjs/common';
import { createServer } from 'node:net';
import { startFakeAuthlete, type FakeAuthlete, type FakeReply } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CLIENT_SECRET = 'client-secret-never-logged';
const BASIC = `Basic ${Buffer.from(`demo-web:${CLIENT_SECRET}`).toString('base64')}`;

/** Deterministic failures: one attempt per call and no breaker tripping between tests. */
const RESILIENCE = {
  AUTHLETE_TIMEOUT_MS: '300',
  AUTHLETE_RETRY_MAX_ATTEMPTS: '1',
  BREAKER_MIN_CALLS: '1000',
};

interface Failure {
  readonly title: string;
  readonly reply: FakeReply;
  readonly status: 500 | 503;
  /** The Retry-After passed on to the client, when Authlete named a wait. */
  readonly retryAfter?: string;
  /** What the log line must name (resultCode or failure kind). */
  readonly logged: string;
}

const FAILURES: readonly Failure[] = [
  {
    title: 'a 401 (bad service credential)',
    reply: {
      status: 401,
      body: {
        resultCode: 'A001203',
        resultMessage: '[A001203] /auth/token, Invalid access token.',
      },
    },
    status: 500,
    logged: 'resultCode=A001203',
  },
  {
    title: 'a 500',
    reply: { status: 500, body: { resultCode: 'A001101', resultMessage: '[A001101] error' } },
    status: 500,
    logged: 'resultCode=A001101',
  },
  {
    title: 'a 503 with Retry-After',
    reply: { status: 503, headers: { 'retry-after': '7' }, body: { resultCode: 'A001102' } },
    status: 503,
    retryAfter: '7',
    logged: 'resultCode=A001102',
  },
  {
    title: 'a 429 with Retry-After',
    reply: { status: 429, headers: { 'retry-after': '3' }, body: { resultCode: 'A001103' } },
    status: 503,
    retryAfter: '3',
    logged: 'resultCode=A001103',
  },
  {
    title: 'a 503 without Retry-After',
    reply: { status: 503, body: { resultCode: 'A001104' } },
    status: 500,
    logged: 'resultCode=A001104',
  },
  {
    title: 'a non-JSON 200',
    reply: { status: 200, body: '<html>proxy error</html>' },
    status: 500,
    logged: 'invalid-json',
  },
  {
    title: 'JSON without an action',
    reply: { status: 200, body: { resultCode: 'A000000' } },
    status: 500,
    logged: 'invalid-json',
  },
  {
    title: 'a timeout (slower than AUTHLETE_TIMEOUT_MS)',
    reply: { delayMs: 1500, body: { action: 'OK', responseContent: '{}' } },
    status: 500,
    logged: 'timeout',
  },
  {
    title: 'a dropped connection',
    reply: { hangUp: true },
    status: 500,
    logged: 'unreachable',
  },
];

function logSpy(): { lines: () => string[]; restore: () => void } {
  const methods = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  const spies = methods.map((method) =>
    jest.spyOn(Logger.prototype, method).mockImplementation(() => undefined),
  );
  return {
    lines: () =>
      spies.flatMap((spy) =>
        spy.mock.calls.map((args) =>
          args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '),
        ),
      ),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

describe.each(['V3', 'V2'] as const)('Authlete API failures (%s)', (version) => {
  let fake: FakeAuthlete;
  let app: TestApp;
  let logs: ReturnType<typeof logSpy>;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url, version), ...RESILIENCE });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
    logs = logSpy();
  });
  afterEach(() => logs.restore());

  const token = () =>
    fetch(`${app.url}/api/token`, {
      method: 'POST',
      headers: { ...FORM, authorization: BASIC, 'x-request-id': 'req-failure-1' },
      body: 'grant_type=client_credentials',
    });

  it.each(FAILURES.map((row) => [row.title, row] as const))(
    'Authlete answering %s → token endpoint server_error (503 + Retry-After for a named wait), logged, and the next request is served',
    async (_title, row) => {
      fake.on('auth/token', row.reply);
      const res = await token();
      expect(res.status).toBe(row.status);
      expect(res.headers.get('retry-after')).toBe(row.retryAfter ?? null);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('pragma')).toBe('no-cache');
      expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(await res.text()).toBe('{"error":"server_error"}');

      const lines = logs.lines();
      expect(lines.some((line) => line.includes('auth/token') && line.includes(row.logged))).toBe(
        true,
      );
      // The error line names the request it belongs to.
      expect(lines.some((line) => line.includes('"reqId":"req-failure-1"'))).toBe(true);
      for (const line of lines) {
        expect(line).not.toContain(CLIENT_SECRET);
        expect(line).not.toContain('test-service-token');
        expect(line).not.toContain('test-api-secret');
      }

      fake.on('auth/token', { body: { action: 'OK', responseContent: '{"access_token":"a"}' } });
      const next = await token();
      expect(next.status).toBe(200);
      expect(await next.text()).toBe('{"access_token":"a"}');
    },
  );

  it('a timeout at revocation → 503 temporarily_unavailable (RFC 7009 §2.2.1)', async () => {
    fake.on('auth/revocation', { delayMs: 1500, body: { action: 'OK' } });
    const res = await fetch(`${app.url}/api/revocation`, {
      method: 'POST',
      headers: { ...FORM, authorization: BASIC },
      body: 'token=t',
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: 'temporarily_unavailable' });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Authlete refusing connections (closed port)', () => {
  let app: TestApp;
  let logs: ReturnType<typeof logSpy>;
  beforeAll(async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    app = await startTestApp({ ...fakeAuthleteEnv(url), ...RESILIENCE });
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(() => {
    logs = logSpy();
  });
  afterEach(() => logs.restore());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { ...FORM, ...headers }, body });

  it.each([
    ['/api/token', 500, 'server_error'],
    ['/api/revocation', 503, 'temporarily_unavailable'],
    ['/api/par', 500, 'server_error'],
  ] as const)('%s answers %d %s with no-store, twice in a row', async (path, status, error) => {
    for (let round = 0; round < 2; round += 1) {
      const res = await post(path, 'token=t&grant_type=client_credentials', {
        authorization: BASIC,
      });
      expect(res.status).toBe(status);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ error });
    }
    expect(logs.lines().some((line) => line.includes('unreachable'))).toBe(true);
  });

  it('keeps answering requests that do not need Authlete', async () => {
    const res = await fetch(`${app.url}/no-such-endpoint`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', error_description: 'No such endpoint' });
  });
});
