import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { authorize, form } from './flow-helpers';
import { content, DEMO_JWT_PRIVATE_KEY, EngineHarness } from './harness';

const JWT_REDIRECT = 'http://localhost:3000/jwt/callback';

describe('signed request objects (OIDC Core §6.1, RFC 9101)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  async function requestObject(claims: JWTPayload): Promise<string> {
    const key = await importJWK(DEMO_JWT_PRIVATE_KEY, 'ES256');
    return new SignJWT({
      iss: 'demo-jwt',
      aud: 'http://localhost:8080',
      client_id: 'demo-jwt',
      ...claims,
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'demo-jwt-key-1' })
      .sign(key);
  }

  it('applies a request object verified with the client JWK Set; its members override the query', async () => {
    const request = await requestObject({
      response_type: 'code',
      redirect_uri: JWT_REDIRECT,
      scope: 'openid email',
      state: 'from-object',
      max_age: 120,
      claims: { userinfo: { name: null } },
    });
    const response = await authorize(engine, {
      client_id: 'demo-jwt',
      response_type: 'code',
      scope: 'read',
      state: 'from-query',
      request,
    });
    expect(response.body.action).toBe('INTERACTION');
    expect((response.body.scopes as { name: string }[]).map((scope) => scope.name)).toEqual([
      'openid',
      'email',
    ]);
    expect(response.body.maxAge).toBe(120);
    expect(response.body.claimsAtUserInfo).toEqual(['name', 'email', 'email_verified']);
    expect(JSON.parse(response.body.requestObjectPayload as string)).toMatchObject({
      state: 'from-object',
    });
  });

  it('refuses an unsigned request object as invalid_request_object', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"scope":"openid"}').toString('base64url')}.`;
    const response = await authorize(engine, {
      client_id: 'demo-jwt',
      response_type: 'code',
      request: unsigned,
    });
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response).error).toBe('invalid_request_object');
  });

  it('refuses a request object whose aud is another server, or signed for another client', async () => {
    const wrongAudience = await requestObject({
      aud: 'https://other.example',
      redirect_uri: JWT_REDIRECT,
    });
    expect(
      content(
        await authorize(engine, {
          client_id: 'demo-jwt',
          response_type: 'code',
          request: wrongAudience,
        }),
      ).error,
    ).toBe('invalid_request_object');
    const foreign = await requestObject({ redirect_uri: JWT_REDIRECT });
    expect(
      content(
        await authorize(engine, { client_id: 'demo-web', response_type: 'code', request: foreign }),
      ).error,
    ).toBe('invalid_request_object');
  });

  it('PAR accepts a request object too', async () => {
    const key = await importJWK(DEMO_JWT_PRIVATE_KEY, 'ES256');
    const now = Math.floor(engine.time / 1000);
    const assertion = await new SignJWT({
      iss: 'demo-jwt',
      sub: 'demo-jwt',
      aud: 'http://localhost:8080',
      exp: now + 60,
      jti: `j-${now}`,
    })
      .setProtectedHeader({ alg: 'ES256' })
      .sign(key);
    const request = await requestObject({
      response_type: 'code',
      redirect_uri: JWT_REDIRECT,
      scope: 'read',
    });
    const response = await engine.call('/pushed_auth_req', {
      parameters: form({
        client_id: 'demo-jwt',
        request,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
    });
    expect(response.body.action).toBe('CREATED');
    const authorization = await authorize(engine, {
      client_id: 'demo-jwt',
      request_uri: content(response).request_uri as string,
    });
    expect(authorization.body.action).toBe('INTERACTION');
  });
});
