import { createLocalJWKSet, jwtVerify } from 'jose';
import { codeFlowTokens, form, serviceToken } from './flow-helpers';
import { content, EngineHarness } from './harness';

describe('/auth/introspection (authlete-api.md §8.1)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  it('OK (A056001) for a valid token: responseContent is the constant challenge, fields describe the token', async () => {
    const { tokens } = await codeFlowTokens(
      engine,
      {},
      { authTime: 1700000000, acr: 'urn:mace:incommon:iap:silver' },
    );
    const response = await engine.call('/auth/introspection', {
      token: tokens.access_token,
      scopes: ['read'],
      subject: 'alice',
    });
    expect(response.body).toMatchObject({
      resultCode: 'A056001',
      action: 'OK',
      responseContent: 'Bearer error="invalid_request"',
      clientId: 17201083166161,
      clientIdAlias: 'demo-web',
      subject: 'alice',
      existent: true,
      usable: true,
      sufficient: true,
      refreshable: true,
      grantType: 'AUTHORIZATION_CODE',
      authTime: 1700000000,
      acr: 'urn:mace:incommon:iap:silver',
    });
    expect(response.body.scopes).toContain('read');
    expect(response.body.expiresAt).toBeGreaterThan(engine.time);
  });

  it('FORBIDDEN with insufficient_scope and scope="…" in the challenge (A064302)', async () => {
    const token = await serviceToken(engine, 'read');
    const response = await engine.call('/auth/introspection', { token, scopes: ['read', 'write'] });
    expect(response.body.action).toBe('FORBIDDEN');
    expect(response.body.resultCode).toBe('A064302');
    expect(response.body.responseContent).toBe(
      `Bearer error="insufficient_scope",error_description="[A064302] The access token does not cover the required scope 'write'.",error_uri="https://docs.authlete.com/#A064302",scope="read write"`,
    );
  });

  it('FORBIDDEN when the subject differs', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const response = await engine.call('/auth/introspection', {
      token: tokens.access_token,
      subject: 'bob',
    });
    expect(response.body.action).toBe('FORBIDDEN');
  });

  it('UNAUTHORIZED invalid_token for an unknown token', async () => {
    const response = await engine.call('/auth/introspection', { token: 'unknown' });
    expect(response.body.action).toBe('UNAUTHORIZED');
    expect(response.body.responseContent).toMatch(
      /^Bearer error="invalid_token",error_description="\[A\d{3}3\d{2}\] /,
    );
    expect(response.body.existent).toBe(false);
  });

  it('BAD_REQUEST with an invalid_request challenge when no token is given', async () => {
    const response = await engine.call('/auth/introspection', {});
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(response.body.responseContent).toMatch(/^Bearer error="invalid_request"/);
  });

  it('pitfall §11.6: an expired token is reported expired once (A065301 when refreshable), then as non-existent', async () => {
    const { tokens } = await codeFlowTokens(engine);
    engine.advance(3601);
    const first = await engine.call('/auth/introspection', {
      token: tokens.access_token,
      scopes: ['read'],
    });
    expect(first.body).toMatchObject({
      action: 'UNAUTHORIZED',
      resultCode: 'A065301',
      existent: true,
      usable: false,
      refreshable: true,
    });
    expect(first.body.responseContent).toContain(
      'error_description="[A065301] The access token has expired but it can be refreshed',
    );
    expect(first.body.responseContent).toContain('scope="read"');
    const second = await engine.call('/auth/introspection', { token: tokens.access_token });
    expect(second.body).toMatchObject({ action: 'UNAUTHORIZED', existent: false });
    expect(second.body.resultCode).not.toBe('A065301');
  });
});

describe('/auth/introspection/standard (authlete-api.md §8.2, RFC 7662, RFC 9701)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  it('OK (A145001) with RFC 7662 JSON for an access token', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const response = await engine.call('/auth/introspection/standard', {
      parameters: form({ token: tokens.access_token as string }),
    });
    expect(response.body).toMatchObject({ action: 'OK', resultCode: 'A145001' });
    const body = content(response);
    expect(body).toMatchObject({
      active: true,
      client_id: 'demo-web',
      sub: 'alice',
      token_type: 'Bearer',
      iss: 'http://localhost:8080',
    });
    expect(body.scope).toContain('openid');
    expect(typeof body.exp).toBe('number');
    expect(typeof body.iat).toBe('number');
  });

  it('accepts refresh tokens, and token_type_hint', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const response = await engine.call('/auth/introspection/standard', {
      parameters: form({ token: tokens.refresh_token as string, token_type_hint: 'refresh_token' }),
    });
    expect(content(response)).toMatchObject({ active: true, client_id: 'demo-web', sub: 'alice' });
  });

  it('answers {"active":false} for an unknown or expired token', async () => {
    const unknown = await engine.call('/auth/introspection/standard', { parameters: 'token=nope' });
    expect(unknown.body.responseContent).toBe('{"active":false}');
    const token = await serviceToken(engine);
    engine.advance(3601);
    const expired = await engine.call('/auth/introspection/standard', {
      parameters: form({ token }),
    });
    expect(expired.body.responseContent).toBe('{"active":false}');
  });

  it('BAD_REQUEST invalid_request without a token; caller error without parameters', async () => {
    const response = await engine.call('/auth/introspection/standard', {
      parameters: 'token_type_hint=access_token',
    });
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response).error).toBe('invalid_request');
    expect((await engine.call('/auth/introspection/standard', {})).body.action).toBe('BAD_REQUEST');
  });

  it('JWT action with a signed RFC 9701 response when httpAcceptHeader asks for it', async () => {
    const token = await serviceToken(engine);
    const response = await engine.call('/auth/introspection/standard', {
      parameters: form({ token }),
      httpAcceptHeader: 'application/token-introspection+jwt',
      rsUri: 'https://rs.example',
    });
    expect(response.body.action).toBe('JWT');
    const jwks = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { payload, protectedHeader } = await jwtVerify(
      response.body.responseContent as string,
      jwks,
      { audience: 'https://rs.example' },
    );
    expect(protectedHeader.typ).toBe('token-introspection+jwt');
    expect(payload.iss).toBe('http://localhost:8080');
    expect(payload.token_introspection).toMatchObject({ active: true, client_id: 'demo-service' });
  });
});
