import { randomUUID } from 'node:crypto';
import { SignJWT, importJWK, type JWTPayload } from 'jose';
import { form } from './flow-helpers';
import { content, DEMO_JWT_PRIVATE_KEY, EngineHarness } from './harness';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe('client authentication at /auth/token (authlete-api.md §7.1)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  const cc = (extra: Record<string, string> = {}) =>
    form({ grant_type: 'client_credentials', scope: 'read', ...extra });

  async function assertion(
    claims: JWTPayload = {},
    alg = 'ES256',
    key?: Uint8Array,
  ): Promise<string> {
    const signingKey = key ?? (await importJWK(DEMO_JWT_PRIVATE_KEY, 'ES256'));
    const now = Math.floor(engine.time / 1000);
    const payload: JWTPayload = {
      iss: 'demo-jwt',
      sub: 'demo-jwt',
      aud: 'http://localhost:8080/api/token',
      iat: now,
      exp: now + 60,
      jti: randomUUID(),
      ...claims,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg, kid: key === undefined ? 'demo-jwt-key-1' : undefined })
      .sign(signingKey);
  }

  it('client_secret_basic: OK with the right secret', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc(),
      clientId: 'demo-service',
      clientSecret: 'demo-service-secret',
    });
    expect(response.body).toMatchObject({ action: 'OK', clientAuthMethod: 'CLIENT_SECRET_BASIC' });
  });

  it('client_secret_basic: a wrong secret is INVALID_CLIENT with an invalid_client body', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc(),
      clientId: 'demo-service',
      clientSecret: 'wrong',
    });
    expect(response.body.action).toBe('INVALID_CLIENT');
    expect(content(response).error).toBe('invalid_client');
  });

  it('client_secret_post with a secret that needs percent-encoding', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc({ client_id: 'demo-special', client_secret: 's3cr:t/+&%=' }),
    });
    expect(response.body).toMatchObject({ action: 'OK', clientAuthMethod: 'CLIENT_SECRET_POST' });
  });

  it('client_secret_basic with the decoded special secret', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc(),
      clientId: 'demo-special',
      clientSecret: 's3cr:t/+&%=',
    });
    expect(response.body.action).toBe('OK');
  });

  it('an unknown client is INVALID_CLIENT', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc(),
      clientId: 'ghost',
      clientSecret: 'x',
    });
    expect(response.body.action).toBe('INVALID_CLIENT');
  });

  it('a confidential client presenting no credentials is INVALID_CLIENT', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc({ client_id: 'demo-service' }),
    });
    expect(response.body.action).toBe('INVALID_CLIENT');
  });

  it('a method the client is not registered for is INVALID_CLIENT (demo-pairwise has basic only)', async () => {
    const response = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code: 'x',
        client_id: 'demo-pairwise',
        client_secret: 'demo-pairwise-secret',
      }),
    });
    expect(response.body.action).toBe('INVALID_CLIENT');
  });

  it('two methods in one request is BAD_REQUEST invalid_request', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc({ client_secret: 'demo-service-secret' }),
      clientId: 'demo-service',
      clientSecret: 'demo-service-secret',
    });
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response).error).toBe('invalid_request');
  });

  it('private_key_jwt: a valid assertion authenticates demo-jwt', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc({
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: await assertion(),
      }),
    });
    expect(response.body).toMatchObject({
      action: 'OK',
      clientAuthMethod: 'PRIVATE_KEY_JWT',
      clientIdAlias: 'demo-jwt',
    });
  });

  it('private_key_jwt: the issuer is accepted as audience', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc({
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: await assertion({ aud: 'http://localhost:8080' }),
      }),
    });
    expect(response.body.action).toBe('OK');
  });

  it('private_key_jwt: a replayed jti is INVALID_CLIENT', async () => {
    const jwt = await assertion();
    await engine.call('/auth/token', {
      parameters: cc({ client_assertion_type: ASSERTION_TYPE, client_assertion: jwt }),
    });
    const replay = await engine.call('/auth/token', {
      parameters: cc({ client_assertion_type: ASSERTION_TYPE, client_assertion: jwt }),
    });
    expect(replay.body.action).toBe('INVALID_CLIENT');
    expect(replay.body.resultMessage).toContain('jti');
  });

  it.each([
    ['wrong audience', { aud: 'https://elsewhere.example' }],
    ['expired', { exp: 1000 }],
    ['iss differs from sub', { sub: 'demo-web' }],
  ])('private_key_jwt: %s is INVALID_CLIENT', async (_name, claims) => {
    const response = await engine.call('/auth/token', {
      parameters: cc({
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: await assertion(claims),
      }),
    });
    expect(response.body.action).toBe('INVALID_CLIENT');
  });

  it('private_key_jwt: a signature from another key is INVALID_CLIENT', async () => {
    const { generateKeyPair } = await import('jose');
    const other = await generateKeyPair('ES256');
    const now = Math.floor(engine.time / 1000);
    const jwt = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('demo-jwt')
      .setSubject('demo-jwt')
      .setAudience('http://localhost:8080')
      .setExpirationTime(now + 60)
      .sign(other.privateKey);
    const response = await engine.call('/auth/token', {
      parameters: cc({ client_assertion_type: ASSERTION_TYPE, client_assertion: jwt }),
    });
    expect(response.body.action).toBe('INVALID_CLIENT');
  });

  it('a wrong client_assertion_type is INVALID_CLIENT', async () => {
    const response = await engine.call('/auth/token', {
      parameters: cc({ client_assertion_type: 'urn:other', client_assertion: await assertion() }),
    });
    expect(response.body.action).toBe('INVALID_CLIENT');
  });

  it('client_secret_jwt: an HS256 assertion signed with the secret authenticates a client allowed to use it', async () => {
    const special = await EngineHarness.create((config) => {
      config.clients.find(
        (client) => client.clientIdAlias === 'demo-service',
      )!.additionalTokenAuthMethods = ['CLIENT_SECRET_JWT'];
    });
    try {
      const now = Math.floor(special.time / 1000);
      const jwt = await new SignJWT({ jti: randomUUID() })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('demo-service')
        .setSubject('demo-service')
        .setAudience('http://localhost:8080/api/token')
        .setExpirationTime(now + 60)
        .sign(new TextEncoder().encode('demo-service-secret'));
      const response = await special.call('/auth/token', {
        parameters: cc({ client_assertion_type: ASSERTION_TYPE, client_assertion: jwt }),
      });
      expect(response.body).toMatchObject({ action: 'OK', clientAuthMethod: 'CLIENT_SECRET_JWT' });
    } finally {
      await special.close();
    }
  });
});
