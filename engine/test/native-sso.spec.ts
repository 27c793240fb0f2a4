import { createHash } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { form, obtainCode } from './flow-helpers';
import { content, EngineHarness, PKCE_VERIFIER } from './harness';

const ANY_STRING: unknown = expect.any(String);

const NATIVE_REDIRECT = 'com.example.demo:/callback';
const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

describe('Native SSO: NATIVE_SSO, /nativesso, /nativesso/logout (Java NativeSso*; OpenID Connect Native SSO 1.0)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  async function nativeCode(sessionId: string) {
    const { code } = await obtainCode(
      engine,
      {
        client_id: 'demo-native',
        redirect_uri: NATIVE_REDIRECT,
        scope: 'openid device_sso offline_access',
      },
      { sessionId, claims: JSON.stringify({ name: 'Alice' }) },
    );
    return engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: NATIVE_REDIRECT,
        code_verifier: PKCE_VERIFIER,
        client_id: 'demo-native',
        device_secret: 'presented-secret',
      }),
    });
  }

  it('a code exchange with openid device_sso answers NATIVE_SSO (no responseContent, no ID token, sessionId, deviceSecret, nonce in additionalClaims)', async () => {
    const answer = await nativeCode('sid-1');
    expect(answer.body).toMatchObject({
      action: 'NATIVE_SSO',
      grantType: 'AUTHORIZATION_CODE',
      sessionId: 'sid-1',
      deviceSecret: 'presented-secret',
      accessToken: ANY_STRING,
      refreshToken: ANY_STRING,
    });
    expect(answer.body.responseContent).toBeUndefined();
    expect(answer.body.idToken).toBeUndefined();
    expect(JSON.parse(answer.body.additionalClaims as string)).toEqual({ nonce: 'nonce-123' });
  });

  it('/nativesso puts idtHeaderParams into the JWS header of its ID token', async () => {
    const answer = await nativeCode('sid-h');
    const result = await engine.call('/nativesso', {
      accessToken: answer.body.accessToken,
      refreshToken: answer.body.refreshToken,
      deviceSecret: 'ds-h',
      idtHeaderParams: JSON.stringify({ typ: 'JWT', 'x-app': 'demo' }),
    });
    expect(result.body.action).toBe('OK');
    const header = JSON.parse(
      Buffer.from(String(result.body.idToken).split('.')[0]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(header).toMatchObject({ typ: 'JWT', 'x-app': 'demo' });
    expect(typeof header.alg).toBe('string');
  });

  it('/nativesso makes the ID token (sid, ds_hash, nonce, claims) and the token response with device_secret; without deviceSecretHash it hashes the secret', async () => {
    const answer = await nativeCode('sid-2');
    const result = await engine.call('/nativesso', {
      accessToken: answer.body.accessToken,
      refreshToken: answer.body.refreshToken,
      deviceSecret: 'ds-value',
    });
    expect(result.body).toMatchObject({ action: 'OK', resultCode: 'A501001' });
    const body = content(result);
    expect(body).toMatchObject({
      access_token: answer.body.accessToken,
      refresh_token: answer.body.refreshToken,
      device_secret: 'ds-value',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
    });
    const keys = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { payload } = await jwtVerify(body.id_token as string, keys);
    expect(payload).toMatchObject({
      sub: 'alice',
      aud: 'demo-native',
      sid: 'sid-2',
      ds_hash: hash('ds-value'),
      nonce: 'nonce-123',
      name: 'Alice',
    });
    const explicit = await engine.call('/nativesso', {
      accessToken: answer.body.accessToken,
      deviceSecret: 'ds-value',
      deviceSecretHash: 'chosen-hash',
    });
    expect(decodePayload(content(explicit).id_token as string).ds_hash).toBe('chosen-hash');
  });

  it('/nativesso without accessToken or deviceSecret, or with an unknown token, is CALLER_ERROR', async () => {
    for (const body of [
      { deviceSecret: 'x' },
      { accessToken: 'unknown', deviceSecret: 'x' },
      { accessToken: 'y' },
    ]) {
      expect((await engine.call('/nativesso', body)).body.action).toBe('CALLER_ERROR');
    }
  });

  it('refresh keeps NATIVE_SSO for a session-bound grant; /nativesso/logout deletes every token of the session', async () => {
    const answer = await nativeCode('sid-3');
    const refreshed = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'refresh_token',
        refresh_token: answer.body.refreshToken as string,
        client_id: 'demo-native',
      }),
    });
    expect(refreshed.body).toMatchObject({
      action: 'NATIVE_SSO',
      grantType: 'REFRESH_TOKEN',
      sessionId: 'sid-3',
    });
    const logout = await engine.call('/nativesso/logout', { sessionId: 'sid-3' });
    // The rotated refresh token (kept for reuse detection), the new refresh and access tokens.
    expect(logout.body).toMatchObject({ action: 'OK', count: 3, resultCode: 'A503001' });
    const check = await engine.call('/auth/introspection', { token: refreshed.body.accessToken });
    expect(check.body.action).toBe('UNAUTHORIZED');
    expect((await engine.call('/nativesso/logout', {})).body).toMatchObject({
      action: 'CALLER_ERROR',
      resultCode: 'A503201',
    });
  });
});

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
