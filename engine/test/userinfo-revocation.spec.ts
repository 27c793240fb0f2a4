import { createLocalJWKSet, jwtVerify } from 'jose';
import { codeFlowTokens, form, serviceToken, WEB_BASIC } from './flow-helpers';
import { content, EngineHarness, PKCE_CHALLENGE, PKCE_VERIFIER } from './harness';

const SIGNED_REDIRECT = 'http://localhost:3000/signed/callback';

describe('/auth/userinfo and /issue (authlete-api.md §8.3, §8.4)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  it('OK (A091001) with the claim names from scopes and claims.userinfo', async () => {
    const claims = JSON.stringify({
      userinfo: { 'nickname#ja': null, phone_number: { essential: true } },
    });
    const { tokens } = await codeFlowTokens(engine, { scope: 'openid email', claims });
    const response = await engine.call('/auth/userinfo', { token: tokens.access_token });
    expect(response.body).toMatchObject({
      action: 'OK',
      resultCode: 'A091001',
      subject: 'alice',
      clientIdAlias: 'demo-web',
      token: tokens.access_token,
    });
    expect(response.body.claims).toEqual([
      'email',
      'email_verified',
      'nickname#ja',
      'phone_number',
    ]);
    expect(JSON.parse(response.body.userInfoClaims as string)).toEqual({
      'nickname#ja': null,
      phone_number: { essential: true },
    });
    expect(response.body.responseContent).toBeUndefined();
  });

  it('issue returns JSON with sub and the supplied claims (A096001)', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const response = await engine.call('/auth/userinfo/issue', {
      token: tokens.access_token,
      claims: JSON.stringify({
        name: 'Alice',
        email: 'alice@example.com',
        address: { country: 'JP' },
        missing: null,
      }),
    });
    expect(response.body).toMatchObject({ action: 'JSON', resultCode: 'A096001' });
    expect(content(response)).toEqual({
      sub: 'alice',
      name: 'Alice',
      email: 'alice@example.com',
      address: { country: 'JP' },
    });
  });

  it('issue honours the sub override', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const response = await engine.call('/auth/userinfo/issue', {
      token: tokens.access_token,
      sub: 'pairwise-1',
    });
    expect(content(response)).toEqual({ sub: 'pairwise-1' });
  });

  it('issue returns a signed JWT (action JWT) for a client with userInfoSignAlg', async () => {
    const authorization = await engine.call('/auth/authorization', {
      parameters: form({
        response_type: 'code',
        client_id: 'demo-signed',
        scope: 'openid',
        redirect_uri: SIGNED_REDIRECT,
        code_challenge: PKCE_CHALLENGE,
        code_challenge_method: 'S256',
      }),
    });
    const issued = await engine.call('/auth/authorization/issue', {
      ticket: authorization.body.ticket,
      subject: 'bob',
    });
    const token = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code: issued.body.authorizationCode as string,
        redirect_uri: SIGNED_REDIRECT,
        code_verifier: PKCE_VERIFIER,
      }),
      clientId: 'demo-signed',
      clientSecret: 'demo-signed-secret',
    });
    const response = await engine.call('/auth/userinfo/issue', {
      token: content(token).access_token,
      claims: '{"name":"Bob"}',
    });
    expect(response.body.action).toBe('JWT');
    const jwks = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { payload, protectedHeader } = await jwtVerify(
      response.body.responseContent as string,
      jwks,
      { issuer: 'http://localhost:8080', audience: 'demo-signed' },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ sub: 'bob', name: 'Bob' });
  });

  it('BAD_REQUEST without a token, UNAUTHORIZED for an unknown or expired one, with challenges', async () => {
    const none = await engine.call('/auth/userinfo', {});
    expect(none.body.action).toBe('BAD_REQUEST');
    expect(none.body.responseContent).toMatch(/^Bearer error="invalid_request"/);
    const unknown = await engine.call('/auth/userinfo', { token: 'nope' });
    expect(unknown.body.action).toBe('UNAUTHORIZED');
    expect(unknown.body.responseContent).toMatch(/^Bearer error="invalid_token"/);
    const { tokens } = await codeFlowTokens(engine);
    engine.advance(3601);
    expect(
      (await engine.call('/auth/userinfo/issue', { token: tokens.access_token })).body.action,
    ).toBe('UNAUTHORIZED');
  });

  it('UNAUTHORIZED for a token without a subject; FORBIDDEN without openid', async () => {
    const cc = await serviceToken(engine);
    expect((await engine.call('/auth/userinfo', { token: cc })).body.action).toBe('UNAUTHORIZED');
    const { tokens } = await codeFlowTokens(engine, { scope: 'read' });
    const forbidden = await engine.call('/auth/userinfo', { token: tokens.access_token });
    expect(forbidden.body.action).toBe('FORBIDDEN');
    expect(forbidden.body.responseContent).toContain('error="insufficient_scope"');
  });
});

describe('/auth/revocation (RFC 7009, authlete-api.md §8.5)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  const revoke = (
    parameters: Record<string, string>,
    credentials: Record<string, string> = WEB_BASIC,
  ) => engine.call('/auth/revocation', { parameters: form(parameters), ...credentials });

  it('revokes an access token and its refresh token (OK, A113001, no responseContent)', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const response = await revoke({ token: tokens.access_token as string });
    expect(response.body).toEqual({
      resultCode: 'A113001',
      resultMessage: '[A113001] The token has been revoked successfully.',
      action: 'OK',
    });
    const standard = await engine.call('/auth/introspection/standard', {
      parameters: form({ token: tokens.access_token as string }),
    });
    expect(content(standard).active).toBe(false);
    const refreshed = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token as string,
      }),
      ...WEB_BASIC,
    });
    expect(content(refreshed).error).toBe('invalid_grant');
  });

  it('revoking a refresh token revokes its access tokens', async () => {
    const { tokens } = await codeFlowTokens(engine);
    await revoke({ token: tokens.refresh_token as string, token_type_hint: 'refresh_token' });
    expect(
      (await engine.call('/auth/introspection', { token: tokens.access_token })).body.action,
    ).toBe('UNAUTHORIZED');
  });

  it('pitfall §11.13: an unknown token is OK', async () => {
    expect((await revoke({ token: 'unknown' })).body.action).toBe('OK');
  });

  it('a token of another client is left alone (still OK)', async () => {
    const token = await serviceToken(engine);
    expect((await revoke({ token })).body.action).toBe('OK');
    expect((await engine.call('/auth/introspection', { token })).body.action).toBe('OK');
  });

  it('INVALID_CLIENT with invalid_client for a wrong secret; BAD_REQUEST without a token', async () => {
    const invalid = await revoke({ token: 'x' }, { clientId: 'demo-web', clientSecret: 'wrong' });
    expect(invalid.body.action).toBe('INVALID_CLIENT');
    expect(content(invalid).error).toBe('invalid_client');
    const missing = await revoke({});
    expect(missing.body.action).toBe('BAD_REQUEST');
    expect(content(missing).error).toBe('invalid_request');
  });
});
