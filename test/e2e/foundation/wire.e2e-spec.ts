import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const SERVICE_ID = '715948317';
const ISSUER = 'https://as.example.com/base';

/** Client parameters exactly as clients send them: the service must not re-encode any of them. */
const RAW_BODIES: readonly (readonly [string, string])[] = [
  ['`+` and `%20` side by side', 'grant_type=client_credentials&scope=a+b%20c'],
  ['duplicated parameters', 'grant_type=client_credentials&scope=a&scope=b&resource=x&resource=y'],
  ['unusual ordering', 'scope=openid&client_id=demo-web&grant_type=authorization_code&code=c'],
  ['lower-case and needless escapes', 'grant_type=client%5fcredentials&scope=%7e%41&x=%2B+%2b'],
  ['empty and bare parameters', 'grant_type=client_credentials&scope=&flag&=v&&'],
  [
    'encoded UTF-8 and reserved characters',
    'grant_type=password&username=%E3%81%82&password=a%26b%3Dc%25',
  ],
];

describe.each(['V3', 'V2'] as const)('the Authlete wire (%s)', (version) => {
  let fake: FakeAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url, version), ISSUER });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { ...FORM, ...headers }, body });

  const expectedPath = (api: string): string =>
    version === 'V3' ? `/api/${SERVICE_ID}/${api}` : `/api/${api}`;

  it(`calls ${version === 'V3' ? '/api/{serviceId}/auth/token with Bearer' : '/api/auth/token with Basic apikey:secret'}`, async () => {
    fake.on('auth/token', { body: { action: 'OK', responseContent: '{}' } });
    expect((await post('/api/token', 'grant_type=client_credentials')).status).toBe(200);
    const [call] = fake.calls;
    expect(call).toMatchObject({ method: 'POST', path: expectedPath('auth/token') });
    const basic = Buffer.from(`${SERVICE_ID}:test-api-secret`).toString('base64');
    expect(call!.headers.authorization).toBe(
      version === 'V3' ? 'Bearer test-service-token' : `Basic ${basic}`,
    );
    expect(call!.headers['content-type']).toMatch(/^application\/json/);
    expect(call!.headers.accept).toMatch(/application\/json/);
  });

  it.each(RAW_BODIES)(
    'forwards the form body byte for byte as parameters: %s',
    async (_why, raw) => {
      fake.on('auth/token', { body: { action: 'OK', responseContent: '{}' } });
      expect((await post('/api/token', raw)).status).toBe(200);
      const body = fake.callsTo('auth/token')[0]!.body as Record<string, unknown>;
      expect(body.parameters).toBe(raw);
      expect(body).not.toHaveProperty('clientId');
      expect(body).not.toHaveProperty('clientSecret');
    },
  );

  it('form-URL-decodes clientId and clientSecret from Basic (RFC 6749 §2.3.1)', async () => {
    fake.on('auth/token', { body: { action: 'OK', responseContent: '{}' } });
    const encoded = Buffer.from('my+client%2F1:s3cr%3At%2F%2B%26%25%3D').toString('base64');
    const res = await post('/api/token', 'grant_type=client_credentials', {
      authorization: `Basic ${encoded}`,
    });
    expect(res.status).toBe(200);
    expect(fake.callsTo('auth/token')[0]!.body).toMatchObject({
      parameters: 'grant_type=client_credentials',
      clientId: 'my client/1',
      clientSecret: 's3cr:t/+&%=',
    });
  });

  it('forwards DPoP with htm/htu built from ISSUER, and the attestation headers', async () => {
    fake.on('auth/token', { body: { action: 'OK', responseContent: '{}' } });
    await post('/api/token?ignored=1', 'grant_type=client_credentials', {
      dpop: 'dpop.proof.jwt',
      host: 'evil.example',
      'oauth-client-attestation': 'att.jwt',
      'oauth-client-attestation-pop': 'pop.jwt',
    });
    expect(fake.callsTo('auth/token')[0]!.body).toEqual({
      parameters: 'grant_type=client_credentials',
      dpop: 'dpop.proof.jwt',
      htm: 'POST',
      htu: `${ISSUER}/api/token`,
      oauthClientAttestation: 'att.jwt',
      oauthClientAttestationPop: 'pop.jwt',
    });
  });

  it('introspection: parameters raw; Accept: token-introspection+jwt becomes httpAcceptHeader', async () => {
    fake.on('auth/introspection/standard', { body: { action: 'JWT', responseContent: 'a.b.c' } });
    const rs = `Basic ${Buffer.from('demo-rs:demo-rs-secret').toString('base64')}`;
    await post('/api/introspection', 'token=a+b&token_type_hint=access_token', {
      authorization: rs,
      accept: 'application/token-introspection+jwt',
    });
    await post('/api/introspection', 'token=x', { authorization: rs, accept: 'application/json' });
    const [jwt, plain] = fake.callsTo('auth/introspection/standard');
    expect(jwt!.path).toBe(expectedPath('auth/introspection/standard'));
    expect(jwt!.body).toEqual({
      parameters: 'token=a+b&token_type_hint=access_token',
      httpAcceptHeader: 'application/token-introspection+jwt',
    });
    expect(plain!.body).toEqual({ parameters: 'token=x' });
  });

  it('revocation: parameters raw and Basic credentials decoded', async () => {
    fake.on('auth/revocation', { body: { action: 'OK' } });
    const encoded = Buffer.from('demo-web:p%40ss').toString('base64');
    await post('/api/revocation', 'token=t%2B1&token=t2', { authorization: `Basic ${encoded}` });
    expect(fake.callsTo('auth/revocation')[0]).toMatchObject({
      path: expectedPath('auth/revocation'),
      body: { parameters: 'token=t%2B1&token=t2', clientId: 'demo-web', clientSecret: 'p@ss' },
    });
  });

  it('PAR: parameters raw, Basic credentials, DPoP with htm/htu', async () => {
    fake.on('pushed_auth_req', { body: { action: 'CREATED', responseContent: '{}' } });
    const encoded = Buffer.from('demo-web:secret').toString('base64');
    const raw = 'response_type=code&scope=openid+profile&state=%20s';
    await post('/api/par', raw, { authorization: `Basic ${encoded}`, dpop: 'proof' });
    expect(fake.callsTo('pushed_auth_req')[0]).toMatchObject({
      path: expectedPath('pushed_auth_req'),
      body: {
        parameters: raw,
        clientId: 'demo-web',
        clientSecret: 'secret',
        dpop: 'proof',
        htm: 'POST',
        htu: `${ISSUER}/api/par`,
      },
    });
  });

  it('userinfo: token, htm/htu to /auth/userinfo; claims from the user store to /issue', async () => {
    fake.on('auth/userinfo', {
      body: { action: 'OK', subject: '1001', claims: ['name', 'email', 'name#ja'] },
    });
    fake.on('auth/userinfo/issue', { body: { action: 'JSON', responseContent: '{"sub":"1001"}' } });
    const res = await fetch(`${app.url}/api/userinfo`, {
      headers: { authorization: 'DPoP tok-1', dpop: 'proof' },
    });
    expect(res.status).toBe(200);
    const [check, issue] = [
      fake.callsTo('auth/userinfo')[0]!,
      fake.callsTo('auth/userinfo/issue')[0]!,
    ];
    expect(check.path).toBe(expectedPath('auth/userinfo'));
    expect(check.body).toEqual({
      token: 'tok-1',
      dpop: 'proof',
      htm: 'GET',
      htu: `${ISSUER}/api/userinfo`,
    });
    expect(issue.path).toBe(expectedPath('auth/userinfo/issue'));
    const sent = issue.body as { token: string; claims: string };
    expect(sent.token).toBe('tok-1');
    expect(JSON.parse(sent.claims)).toEqual({
      name: 'Alice Adams',
      email: 'alice@example.com',
      'name#ja': 'アダムス アリス',
    });
  });

  it('PASSWORD: the user store decides; /issue gets the ticket and subject, /fail the reason', async () => {
    const password = (secret: string) => ({
      body: { action: 'PASSWORD', ticket: 't-1', username: 'alice', password: secret },
    });
    fake.on('auth/token', password('alice-password'));
    fake.on('auth/token/issue', { body: { action: 'OK', responseContent: '{}' } });
    fake.on('auth/token/fail', { body: { action: 'BAD_REQUEST', responseContent: '{}' } });
    await post('/api/token', 'grant_type=password&username=alice&password=alice-password');
    fake.on('auth/token', password('wrong'));
    await post('/api/token', 'grant_type=password&username=alice&password=wrong');
    expect(fake.callsTo('auth/token/issue').map((call) => call.body)).toEqual([
      { ticket: 't-1', subject: '1001' },
    ]);
    expect(fake.callsTo('auth/token/fail').map((call) => call.body)).toEqual([
      { ticket: 't-1', reason: 'INVALID_RESOURCE_OWNER_CREDENTIALS' },
    ]);
  });
});
