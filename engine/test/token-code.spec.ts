import { createLocalJWKSet, jwtVerify } from 'jose';
import { leftHalfHash } from '../src/keys/jwt-signer';
import {
  codeFlowTokens,
  exchangeCode,
  form,
  obtainCode,
  WEB_BASIC,
  WEB_REDIRECT,
} from './flow-helpers';
import { content, EngineHarness, PKCE_VERIFIER } from './harness';

describe('/auth/token authorization_code (authlete-api.md §6.1, §7.2)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  it('exchanges a code: OK A050001 with token fields and RFC 6749 §5.1 content', async () => {
    const { code } = await obtainCode(
      engine,
      {},
      { authTime: 1700000000, acr: 'urn:mace:incommon:iap:silver' },
    );
    const response = await exchangeCode(engine, code);
    expect(response.body).toMatchObject({
      resultCode: 'A050001',
      action: 'OK',
      grantType: 'AUTHORIZATION_CODE',
      clientId: 17201083166161,
      clientIdAlias: 'demo-web',
      subject: 'alice',
      scopes: ['openid', 'profile', 'email', 'offline_access', 'read'],
      clientAuthMethod: 'CLIENT_SECRET_BASIC',
      accessTokenDuration: 3600,
      refreshTokenDuration: 86400,
    });
    expect(response.body.accessTokenExpiresAt).toBe(engine.time + 3600 * 1000);
    const tokens = content(response);
    expect(tokens.access_token).toBe(response.body.accessToken);
    expect(tokens.access_token as string).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.refresh_token).toBe(response.body.refreshToken);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(3600);
  });

  it('pitfall §11.3: token content keys come in Authlete order with scope, and id_token last', async () => {
    const { response } = await codeFlowTokens(engine);
    expect(Object.keys(content(response))).toEqual([
      'access_token',
      'refresh_token',
      'scope',
      'token_type',
      'expires_in',
      'id_token',
    ]);
  });

  it('pitfall §11.15: the ID token carries iss, sub, aud, azp, exp, iat, auth_time, nonce, acr, at_hash, sid and the claims', async () => {
    const { tokens } = await codeFlowTokens(
      engine,
      { max_age: '600' },
      {
        authTime: 1700000000,
        acr: 'urn:mace:incommon:iap:bronze',
        sessionId: 'sid-9',
        claims: JSON.stringify({ email: 'alice@example.com', email_verified: true }),
      },
    );
    const jwks = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token as string, jwks, {
      issuer: 'http://localhost:8080',
      audience: 'demo-web',
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256' });
    expect(payload).toMatchObject({
      sub: 'alice',
      azp: 'demo-web',
      auth_time: 1700000000,
      nonce: 'nonce-123',
      acr: 'urn:mace:incommon:iap:bronze',
      sid: 'sid-9',
      email: 'alice@example.com',
      email_verified: true,
      at_hash: leftHalfHash(tokens.access_token as string),
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('signs ES256 ID tokens for a client with idTokenSignAlg ES256', async () => {
    const authorization = await engine.call('/auth/authorization', {
      parameters: form({
        response_type: 'code',
        client_id: 'demo-signed',
        scope: 'openid',
        code_challenge: 'GoSFV-EH8eE79MwCEtzGl55Va5aB99oyGNN4AJrBl_s',
        code_challenge_method: 'S256',
        redirect_uri: 'http://localhost:3000/signed/callback',
      }),
    });
    const issued = await engine.call('/auth/authorization/issue', {
      ticket: authorization.body.ticket,
      subject: 'bob',
    });
    const code = issued.body.authorizationCode as string;
    const response = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'http://localhost:3000/signed/callback',
        code_verifier: PKCE_VERIFIER,
      }),
      clientId: 'demo-signed',
      clientSecret: 'demo-signed-secret',
    });
    const jwks = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { protectedHeader } = await jwtVerify(content(response).id_token as string, jwks);
    expect(protectedHeader.alg).toBe('ES256');
  });

  it('a public client (demo-spa, auth method none) exchanges its code with PKCE and no secret', async () => {
    const { code } = await obtainCode(engine, {
      client_id: 'demo-spa',
      redirect_uri: 'http://localhost:3000/spa/callback',
    });
    const response = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code,
        client_id: 'demo-spa',
        redirect_uri: 'http://localhost:3000/spa/callback',
        code_verifier: PKCE_VERIFIER,
      }),
    });
    expect(response.body).toMatchObject({
      action: 'OK',
      clientAuthMethod: 'NONE',
      clientIdAlias: 'demo-spa',
    });
  });

  it('a wrong PKCE verifier is BAD_REQUEST invalid_grant', async () => {
    const { code } = await obtainCode(engine);
    const response = await exchangeCode(engine, code, { code_verifier: 'x'.repeat(43) });
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response).error).toBe('invalid_grant');
  });

  it('a missing PKCE verifier is invalid_grant', async () => {
    const { code } = await obtainCode(engine);
    const response = await engine.call('/auth/token', {
      parameters: form({ grant_type: 'authorization_code', code, redirect_uri: WEB_REDIRECT }),
      ...WEB_BASIC,
    });
    expect(content(response).error).toBe('invalid_grant');
  });

  it('pitfall §11.6: a code is single-use; reuse is invalid_grant and revokes the tokens issued from it', async () => {
    const { code } = await obtainCode(engine);
    const first = await exchangeCode(engine, code);
    const tokens = content(first);
    const before = await engine.call('/auth/introspection', { token: tokens.access_token });
    expect(before.body.action).toBe('OK');
    const second = await exchangeCode(engine, code);
    expect(second.body.action).toBe('BAD_REQUEST');
    expect(content(second).error).toBe('invalid_grant');
    expect(
      (await engine.call('/auth/introspection', { token: tokens.access_token })).body.action,
    ).toBe('UNAUTHORIZED');
    const refresh = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token as string,
      }),
      ...WEB_BASIC,
    });
    expect(content(refresh).error).toBe('invalid_grant');
  });

  it('a redirect_uri that differs from the authorization request is invalid_grant', async () => {
    const { code } = await obtainCode(engine);
    const response = await exchangeCode(engine, code, {
      redirect_uri: 'http://127.0.0.1:3000/callback',
    });
    expect(content(response).error).toBe('invalid_grant');
  });

  it('an expired code is invalid_grant', async () => {
    const { code } = await obtainCode(engine);
    engine.advance(601);
    const response = await exchangeCode(engine, code);
    expect(content(response).error).toBe('invalid_grant');
  });

  it('a code issued to another client is invalid_grant', async () => {
    const { code } = await obtainCode(engine);
    const response = await exchangeCode(
      engine,
      code,
      {},
      { clientId: 'demo-special', clientSecret: 's3cr:t/+&%=' },
    );
    expect(content(response).error).toBe('invalid_grant');
  });

  it('an unknown code and a missing code are BAD_REQUEST', async () => {
    expect(content(await exchangeCode(engine, 'nope')).error).toBe('invalid_grant');
    const missing = await engine.call('/auth/token', {
      parameters: 'grant_type=authorization_code',
      ...WEB_BASIC,
    });
    expect(content(missing).error).toBe('invalid_request');
  });

  it('scopes replaced at issue: [] means no scopes, so scope is null and no ID token (pitfall §11.9)', async () => {
    const { response } = await codeFlowTokens(engine, {}, { scopes: [] });
    const tokens = content(response);
    expect(tokens.scope).toBeNull();
    expect(tokens.id_token).toBeUndefined();
    expect(response.body.scopes).toBeUndefined();
  });

  it('issue-time properties: non-hidden ones appear in the token JSON, hidden ones only in introspection', async () => {
    const { response } = await codeFlowTokens(
      engine,
      {},
      {
        properties: [
          { key: 'plan', value: 'gold', hidden: false },
          { key: 'secret', value: 's', hidden: true },
        ],
      },
    );
    const tokens = content(response);
    expect(tokens.plan).toBe('gold');
    expect(tokens.secret).toBeUndefined();
    const introspection = await engine.call('/auth/introspection', { token: tokens.access_token });
    expect(introspection.body.properties).toEqual([
      { key: 'plan', value: 'gold', hidden: false },
      { key: 'secret', value: 's', hidden: true },
    ]);
  });

  it('rejects an unsupported grant type and a grant type the client may not use', async () => {
    const unsupported = await engine.call('/auth/token', {
      parameters: 'grant_type=urn:example',
      ...WEB_BASIC,
    });
    expect(content(unsupported).error).toBe('unsupported_grant_type');
    const notAllowed = await engine.call('/auth/token', {
      parameters: 'grant_type=client_credentials',
      ...WEB_BASIC,
    });
    expect(content(notAllowed).error).toBe('unauthorized_client');
    const missing = await engine.call('/auth/token', { parameters: 'code=x', ...WEB_BASIC });
    expect(content(missing).error).toBe('invalid_request');
  });
});
