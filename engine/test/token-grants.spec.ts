import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { codeFlowTokens, form, WEB_BASIC } from './flow-helpers';
import { content, EngineHarness } from './harness';

const LEGACY = { clientId: 'demo-legacy', clientSecret: 'demo-legacy-secret' };

function refresh(engine: EngineHarness, token: unknown, extra: Record<string, string> = {}) {
  return engine.call('/auth/token', {
    parameters: form({ grant_type: 'refresh_token', refresh_token: token as string, ...extra }),
    ...WEB_BASIC,
  });
}

describe('/auth/token refresh_token (authlete-api.md §7.3)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  it('pitfall §11.6: rotates the refresh token, answers ID_TOKEN_REISSUABLE without minting an ID token, /idtoken/reissue makes one, and the old refresh token is refused', async () => {
    const { tokens } = await codeFlowTokens(engine, {}, { authTime: 1700000000 });
    const first = await refresh(engine, tokens.refresh_token);
    expect(first.body).toMatchObject({
      action: 'ID_TOKEN_REISSUABLE',
      resultCode: 'A052001',
      grantType: 'REFRESH_TOKEN',
      subject: 'alice',
    });
    expect(first.body.requestedIdTokenClaims).toEqual(expect.arrayContaining(['name', 'email']));
    const renewed = content(first);
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    expect(renewed.id_token).toBeUndefined();
    const reissued = await engine.call('/idtoken/reissue', {
      accessToken: first.body.accessToken,
      refreshToken: first.body.refreshToken,
      claims: JSON.stringify({ name: 'Alice Updated' }),
    });
    expect(reissued.body).toMatchObject({ action: 'OK', resultCode: 'A311001' });
    const body = content(reissued);
    expect(body).toMatchObject({
      access_token: renewed.access_token,
      refresh_token: renewed.refresh_token,
      token_type: 'Bearer',
    });
    expect(body.id_token).toBe(reissued.body.idToken);
    const jwks = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { payload } = await jwtVerify(body.id_token as string, jwks);
    expect(payload).toMatchObject({ sub: 'alice', auth_time: 1700000000, name: 'Alice Updated' });
    expect(payload.nonce).toBeUndefined();
    const wrongPair = await engine.call('/idtoken/reissue', {
      accessToken: first.body.accessToken,
      refreshToken: tokens.refresh_token,
    });
    expect(wrongPair.body).toMatchObject({ action: 'CALLER_ERROR', resultCode: 'A311202' });
    const old = await refresh(engine, tokens.refresh_token);
    expect(old.body.action).toBe('BAD_REQUEST');
    expect(content(old).error).toBe('invalid_grant');
  });

  it('reuse of a rotated refresh token revokes the whole grant', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const renewed = content(await refresh(engine, tokens.refresh_token));
    await refresh(engine, tokens.refresh_token);
    expect(
      (await engine.call('/auth/introspection', { token: renewed.access_token })).body.action,
    ).toBe('UNAUTHORIZED');
    expect(content(await refresh(engine, renewed.refresh_token)).error).toBe('invalid_grant');
  });

  it('the access token of the used refresh token ends with it (one record, as in Authlete)', async () => {
    const { tokens } = await codeFlowTokens(engine);
    await refresh(engine, tokens.refresh_token);
    expect(
      (await engine.call('/auth/introspection', { token: tokens.access_token })).body.action,
    ).toBe('UNAUTHORIZED');
  });

  it('narrows the scope; a wider scope is invalid_scope', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const narrowed = content(await refresh(engine, tokens.refresh_token, { scope: 'read' }));
    expect(narrowed.scope).toBe('read');
    expect(narrowed.id_token).toBeUndefined();
    const wider = await refresh(engine, narrowed.refresh_token, { scope: 'read write' });
    expect(content(wider).error).toBe('invalid_scope');
  });

  it("an expired refresh token is invalid_grant; another client's is invalid_grant", async () => {
    const { tokens } = await codeFlowTokens(engine);
    const other = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token as string,
      }),
      clientId: 'demo-special',
      clientSecret: 's3cr:t/+&%=',
    });
    expect(content(other).error).toBe('invalid_grant');
    engine.advance(86401);
    expect(content(await refresh(engine, tokens.refresh_token)).error).toBe('invalid_grant');
  });

  it('keeps the refresh token when the service sets refreshTokenKept', async () => {
    const kept = await EngineHarness.create((config) => {
      config.service.refreshTokenKept = true;
    });
    try {
      const { tokens } = await codeFlowTokens(kept);
      const renewed = content(await refresh(kept, tokens.refresh_token));
      expect(renewed.refresh_token).toBe(tokens.refresh_token);
      expect(content(await refresh(kept, tokens.refresh_token)).access_token).toBeDefined();
    } finally {
      await kept.close();
    }
  });
});

describe('/auth/token client_credentials, password, /issue, /fail, /create', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  it('client_credentials: OK (A053001) without subject or refresh token; openid dropped', async () => {
    const response = await engine.call('/auth/token', {
      parameters: form({ grant_type: 'client_credentials', scope: 'openid read write' }),
      clientId: 'demo-service',
      clientSecret: 'demo-service-secret',
    });
    expect(response.body).toMatchObject({
      action: 'OK',
      resultCode: 'A053001',
      grantType: 'CLIENT_CREDENTIALS',
      scopes: ['read', 'write'],
    });
    expect(response.body.subject).toBeUndefined();
    expect(response.body.refreshTokenExpiresAt).toBe(0);
    expect(Object.keys(content(response))).toEqual([
      'access_token',
      'scope',
      'token_type',
      'expires_in',
    ]);
  });

  it('password: PASSWORD action with username, password and ticket; no responseContent', async () => {
    const response = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'password',
        username: 'alice',
        password: 'alice-password',
        scope: 'read',
      }),
      ...LEGACY,
    });
    expect(response.body).toMatchObject({
      action: 'PASSWORD',
      username: 'alice',
      password: 'alice-password',
      clientIdAlias: 'demo-legacy',
    });
    expect(response.body.responseContent).toBeUndefined();
    const issued = await engine.call('/auth/token/issue', {
      ticket: response.body.ticket,
      subject: 'alice',
    });
    expect(issued.body).toMatchObject({
      action: 'OK',
      resultCode: 'A054001',
      subject: 'alice',
      grantType: 'PASSWORD',
    });
    expect(content(issued).refresh_token).toBeDefined();
    const again = await engine.call('/auth/token/issue', {
      ticket: response.body.ticket,
      subject: 'alice',
    });
    expect(again.body.action).toBe('INTERNAL_SERVER_ERROR');
  });

  it('password: /fail INVALID_RESOURCE_OWNER_CREDENTIALS gives invalid_request (A067301)', async () => {
    const response = await engine.call('/auth/token', {
      parameters: form({ grant_type: 'password', username: 'alice', password: 'nope' }),
      ...LEGACY,
    });
    const failed = await engine.call('/auth/token/fail', {
      ticket: response.body.ticket,
      reason: 'INVALID_RESOURCE_OWNER_CREDENTIALS',
    });
    expect(failed.body).toMatchObject({
      resultCode: 'A067301',
      resultMessage:
        '[A067301] The credentials (username & password) passed to the token endpoint are invalid.',
      action: 'BAD_REQUEST',
    });
    expect(failed.body.responseContent).toBe(
      '{"error_description":"[A067301] The credentials (username & password) passed to the token endpoint are invalid.","error":"invalid_request","error_uri":"https://docs.authlete.com/#A067301"}',
    );
    const stale = await engine.call('/auth/token/fail', {
      ticket: response.body.ticket,
      reason: 'INVALID_RESOURCE_OWNER_CREDENTIALS',
    });
    expect(stale.body.action).toBe('BAD_REQUEST');
  });

  it('password: missing username is invalid_request; /fail UNKNOWN is INTERNAL_SERVER_ERROR', async () => {
    const missing = await engine.call('/auth/token', {
      parameters: form({ grant_type: 'password', password: 'x' }),
      ...LEGACY,
    });
    expect(content(missing).error).toBe('invalid_request');
    const response = await engine.call('/auth/token', {
      parameters: form({ grant_type: 'password', username: 'a', password: 'b' }),
      ...LEGACY,
    });
    const failed = await engine.call('/auth/token/fail', {
      ticket: response.body.ticket,
      reason: 'UNKNOWN',
    });
    expect(failed.body.action).toBe('INTERNAL_SERVER_ERROR');
  });

  it('/auth/token/create mints tokens directly (A109001, no responseContent)', async () => {
    const response = await engine.call('/auth/token/create', {
      grantType: 'AUTHORIZATION_CODE',
      clientId: 17201083166161,
      subject: 'bob',
      scopes: ['openid', 'read'],
    });
    expect(response.body).toMatchObject({
      action: 'OK',
      resultCode: 'A109001',
      clientId: 17201083166161,
      subject: 'bob',
      tokenType: 'Bearer',
      expiresIn: 3600,
      scopes: ['openid', 'read'],
    });
    expect(response.body.responseContent).toBeUndefined();
    expect(typeof response.body.refreshToken).toBe('string');
    const introspection = await engine.call('/auth/introspection', {
      token: response.body.accessToken,
    });
    expect(introspection.body).toMatchObject({ action: 'OK', subject: 'bob' });
  });

  it('/auth/token/create without subject (non-CC) is BAD_REQUEST, with an unknown client FORBIDDEN', async () => {
    expect(
      (await engine.call('/auth/token/create', { grantType: 'PASSWORD', clientId: 17201083166164 }))
        .body.action,
    ).toBe('BAD_REQUEST');
    expect(
      (await engine.call('/auth/token/create', { grantType: 'CLIENT_CREDENTIALS', clientId: 1 }))
        .body.action,
    ).toBe('FORBIDDEN');
    expect(
      (await engine.call('/auth/token/create', { clientId: 17201083166163 })).body.action,
    ).toBe('BAD_REQUEST');
  });

  it('a public client cannot use client_credentials', async () => {
    const spa = await EngineHarness.create((config) => {
      config.clients
        .find((client) => client.clientIdAlias === 'demo-spa')!
        .grantTypes.push('CLIENT_CREDENTIALS');
    });
    try {
      const response = await spa.call('/auth/token', {
        parameters: form({ grant_type: 'client_credentials', client_id: 'demo-spa' }),
      });
      expect(content(response).error).toBe('unauthorized_client');
    } finally {
      await spa.close();
    }
  });
});

describe('RFC 9068 JWT access tokens when the service sets accessTokenSignAlg', () => {
  it('issues an at+jwt access token, exposes jwtAccessToken and accepts it at introspection', async () => {
    const engine = await EngineHarness.create((config) => {
      config.service.accessTokenSignAlg = 'ES256';
    });
    try {
      const response = await engine.call('/auth/token', {
        parameters: form({ grant_type: 'client_credentials', scope: 'read' }),
        clientId: 'demo-service',
        clientSecret: 'demo-service-secret',
      });
      const token = content(response).access_token as string;
      expect(response.body.jwtAccessToken).toBe(token);
      expect(decodeProtectedHeader(token)).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
      expect(decodeJwt(token)).toMatchObject({
        iss: 'http://localhost:8080',
        client_id: 'demo-service',
        scope: 'read',
        sub: 'demo-service',
      });
      expect((await engine.call('/auth/introspection', { token })).body.action).toBe('OK');
      const opaque = response.body.accessToken as string;
      expect(opaque).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await engine.call('/auth/introspection', { token: opaque })).body.action).toBe('OK');
      await engine.call('/auth/revocation', {
        parameters: form({ token: opaque }),
        clientId: 'demo-service',
        clientSecret: 'demo-service-secret',
      });
      expect((await engine.call('/auth/introspection', { token })).body.action).toBe(
        'UNAUTHORIZED',
      );
    } finally {
      await engine.close();
    }
  });
});
