import { Writable } from 'node:stream';
import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { postForm } from './ops-helpers';

/** Every secret the requests carry; none may appear in the log output. */
const SECRET = {
  clientSecret: 'cs-0f7e1b9a-secret',
  password: 'pw-Tr0ub4dor-secret',
  code: 'code-5c2d-secret',
  refreshToken: 'rt-77aa-secret',
  accessToken: 'at-91bf-secret',
  issuedToken: 'issued-at-4e4e-secret',
  codeVerifier: 'cv-b7c1-secret',
  assertion: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJjbGllbnQtYXNzZXJ0aW9uLXNlY3JldCJ9.sig-secret',
  dpop: 'eyJ0eXAiOiJkcG9wK2p3dCJ9.dpop-proof-secret.sig',
  cookie: 'session=cookie-value-secret',
  loginHint: 'alice-login-hint-secret',
  idTokenHint: 'id-token-hint-secret',
} as const;

const BASIC = `Basic ${Buffer.from(`demo-web:${SECRET.clientSecret}`).toString('base64')}`;

class Capture extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

describe('logs are JSON, carry request ids, and never contain secrets', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  const capture = new Capture();
  beforeAll(async () => {
    fake = await startFaultAuthlete();
    fake.answer('auth/token', {
      action: 'OK',
      resultCode: 'A050001',
      resultMessage: '[A050001] ok',
      responseContent: `{"access_token":"${SECRET.issuedToken}","refresh_token":"${SECRET.refreshToken}"}`,
    });
    app = await startTestApp(
      { ...fakeAuthleteEnv(fake.url), LOG_LEVEL: 'trace', THROTTLE_ENABLED: 'false' },
      { logDestination: capture },
    );
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('redacts credentials, tokens, codes, proofs, cookies and secret query parameters', async () => {
    const headers = {
      authorization: BASIC,
      dpop: SECRET.dpop,
      cookie: SECRET.cookie,
      'x-request-id': 'req-log-1',
    };
    await postForm(
      `${app.url}/api/token`,
      `grant_type=authorization_code&code=${SECRET.code}&code_verifier=${SECRET.codeVerifier}` +
        `&client_secret=${SECRET.clientSecret}&client_assertion=${SECRET.assertion}&refresh_token=${SECRET.refreshToken}`,
      headers,
    );
    await postForm(
      `${app.url}/api/token`,
      `grant_type=password&username=alice&password=${SECRET.password}`,
      headers,
    );
    fake.fault({ kind: 'status', status: 500 }, 'auth/token');
    await postForm(
      `${app.url}/api/token`,
      `grant_type=refresh_token&refresh_token=${SECRET.refreshToken}`,
      headers,
    );
    fake.fault({ kind: 'none' });
    await fetch(
      `${app.url}/api/authorization?response_type=code&client_id=demo-web&login_hint=${SECRET.loginHint}` +
        `&id_token_hint=${SECRET.idTokenHint}&code=${SECRET.code}`,
      { headers: { cookie: SECRET.cookie } },
    );
    await fetch(`${app.url}/api/userinfo?access_token=${SECRET.accessToken}`, {
      headers: { authorization: `Bearer ${SECRET.accessToken}` },
    });
    await postForm(
      `${app.url}/api/authorization/decision`,
      `username=alice&password=${SECRET.password}`,
      headers,
    );
    await postForm(`${app.url}/api/introspection`, `token=${SECRET.accessToken}`, {
      authorization: BASIC,
    });
    await fetch(`${app.url}/no/such/path?token=${SECRET.accessToken}`);

    const output = capture.text;
    const lines = output.trim().split('\n');
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    for (const [name, secret] of Object.entries(SECRET)) {
      expect({ name, leaked: output.includes(secret) }).toEqual({ name, leaked: false });
    }
    expect(output).not.toContain(BASIC.slice('Basic '.length));
    // The secrets' parameter names are still visible, with their values redacted.
    expect(output).toContain('login_hint=[Redacted]');
    expect(output).toContain('"id":"req-log-1"');
  });

  it('logs one line per request with the request id and the FAPI interaction id', async () => {
    const before = capture.chunks.length;
    await fetch(`${app.url}/nope`, {
      headers: {
        'x-request-id': 'req-log-2',
        'x-fapi-interaction-id': 'c0ffee00-0000-4000-8000-000000000001',
      },
    });
    const entries = capture.chunks
      .slice(before)
      .join('')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            req?: { id?: string; fapiInteractionId?: string; url?: string };
            res?: { statusCode?: number };
          },
      );
    const completed = entries.find((entry) => entry.req?.id === 'req-log-2' && entry.res);
    expect(completed).toMatchObject({
      req: {
        id: 'req-log-2',
        url: '/nope',
        fapiInteractionId: 'c0ffee00-0000-4000-8000-000000000001',
      },
      res: { statusCode: 404 },
    });
  });
});
