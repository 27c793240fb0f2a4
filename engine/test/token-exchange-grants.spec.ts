import { decodeJwt } from 'jose';
import { codeFlowTokens, form } from './flow-helpers';
import { content, EngineHarness, findNulls, ISSUER } from './harness';

const EXCHANGE = { clientId: 'demo-exchange', clientSecret: 'demo-exchange-secret' };
const TE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const AT = 'urn:ietf:params:oauth:token-type:access_token';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object, alg = 'ES256') =>
  `${b64({ alg })}.${b64(claims)}.${alg === 'none' ? '' : 'c2ln'}`;

describe('/auth/token token exchange and JWT bearer (authlete-api.md §7.4, §7.5)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  const token = (params: Record<string, string>, client = EXCHANGE) =>
    engine.call('/auth/token', { parameters: form(params), ...client });

  async function aliceToken(): Promise<string> {
    const created = await engine.call('/auth/token/create', {
      grantType: 'PASSWORD',
      clientId: 17201083166164,
      subject: '1001',
      scopes: ['read', 'write'],
    });
    expect(created.body).toMatchObject({ action: 'OK', resultCode: 'A109001' });
    return created.body.accessToken as string;
  }

  it('TOKEN_EXCHANGE carries the request and the subject TokenInfo, without responseContent or nulls', async () => {
    const subject = await aliceToken();
    const answer = await token({
      grant_type: TE,
      subject_token: subject,
      subject_token_type: AT,
      audience: 'https://rs.example',
      resource: 'https://rs.example/api',
      scope: 'read',
      requested_token_type: AT,
    });
    expect(answer.body).toMatchObject({
      action: 'TOKEN_EXCHANGE',
      grantType: 'TOKEN_EXCHANGE',
      clientIdAlias: 'demo-exchange',
      subjectToken: subject,
      subjectTokenType: 'ACCESS_TOKEN',
      requestedTokenType: 'ACCESS_TOKEN',
      audiences: ['https://rs.example'],
      resources: ['https://rs.example/api'],
      scopes: ['read'],
      subjectTokenInfo: {
        clientId: 17201083166164,
        subject: '1001',
        scopes: [
          expect.objectContaining({ name: 'read' }),
          expect.objectContaining({ name: 'write' }),
        ],
      },
    });
    expect(answer.body.responseContent).toBeUndefined();
    expect(findNulls(answer.body)).toEqual([]);
  });

  it.each([
    [{ subject_token_type: AT }, 'invalid_request'],
    [{ subject_token: 'x', subject_token_type: 'urn:unknown' }, 'invalid_request'],
    [{ subject_token: 'x', subject_token_type: AT, actor_token: 'y' }, 'invalid_request'],
    [{ subject_token: 'no-such-token', subject_token_type: AT }, 'invalid_request'],
    [{ subject_token: 'x', subject_token_type: AT, resource: 'not a uri' }, 'invalid_target'],
    [{ subject_token: 'x', subject_token_type: AT, scope: 'unknown' }, 'invalid_scope'],
    [
      {
        subject_token: jwt({ sub: 'a' }, 'none'),
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      },
      'invalid_request',
    ],
    [
      { subject_token: 'a.b.c.d.e', subject_token_type: 'urn:ietf:params:oauth:token-type:jwt' },
      'invalid_request',
    ],
  ])('malformed exchange %j is BAD_REQUEST %s', async (params, error) => {
    const answer = await token({ grant_type: TE, ...params });
    expect(answer.body.action).toBe('BAD_REQUEST');
    expect(content(answer).error).toBe(error);
  });

  it('clients without the grant are unauthorized_client; with tokenExchangeByPermittedClientsOnly, so are clients without extension.tokenExchangePermitted', async () => {
    const web = await token(
      { grant_type: TE, subject_token: 'x', subject_token_type: AT },
      { clientId: 'demo-web', clientSecret: 'demo-web-secret' },
    );
    expect(content(web).error).toBe('unauthorized_client');
    const unpermitted = await EngineHarness.create((config) => {
      const client = config.clients.find((entry) => entry.clientIdAlias === 'demo-exchange')!;
      delete (client as { extension?: unknown }).extension;
    });
    try {
      const answer = await unpermitted.call('/auth/token', {
        parameters: form({ grant_type: TE, subject_token: 'x', subject_token_type: AT }),
        ...EXCHANGE,
      });
      expect(content(answer).error).toBe('unauthorized_client');
    } finally {
      await unpermitted.close();
    }
  });

  it('an ID token of this service is verified (signature, exp); a tampered one is refused', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const idToken = tokens.id_token as string;
    const ok = await token({
      grant_type: TE,
      subject_token: idToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
    });
    expect(ok.body.action).toBe('TOKEN_EXCHANGE');
    const [header, ,] = idToken.split('.');
    const tampered = `${header}.${b64({ ...decodeJwt(idToken), sub: 'mallory' })}.${idToken.split('.')[2]}`;
    const forged = await token({
      grant_type: TE,
      subject_token: tampered,
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
    });
    expect(content(forged).error).toBe('invalid_request');
  });

  it("another issuer's ID token gets the key-less checks and is left to the service; never Native SSO", async () => {
    const now = Math.floor(engine.time / 1000);
    const foreign = { iss: 'https://idp.example', sub: 'u1', aud: 'x', exp: now + 300, iat: now };
    const idToken = (claims: object, alg = 'ES256') =>
      token({
        grant_type: TE,
        subject_token: jwt(claims, alg),
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      });
    const passed = await idToken(foreign);
    expect(passed.body).toMatchObject({
      action: 'TOKEN_EXCHANGE',
      subjectTokenType: 'ID_TOKEN',
      subjectToken: jwt(foreign),
    });
    for (const refused of [
      await idToken({ ...foreign, exp: now - 10 }),
      await idToken({ ...foreign, exp: undefined }),
      await idToken({ ...foreign, sub: undefined }),
      await idToken(foreign, 'HS256'),
      await idToken(foreign, 'none'),
    ]) {
      expect(refused.body.action).toBe('BAD_REQUEST');
      expect(content(refused).error).toBe('invalid_request');
    }
  });

  it('JWT_BEARER checks the structure, iss/sub, aud, exp, iat, nbf and alg none, but not the signature', async () => {
    const now = Math.floor(engine.time / 1000);
    const good = {
      iss: 'https://partner.example',
      sub: '1001',
      aud: `${ISSUER}/api/token`,
      exp: now + 60,
      iat: now,
    };
    const answer = await token({ grant_type: JWT_BEARER, assertion: jwt(good), scope: 'read' });
    expect(answer.body).toMatchObject({
      action: 'JWT_BEARER',
      grantType: 'JWT_BEARER',
      assertion: jwt(good),
      clientIdAlias: 'demo-exchange',
      scopes: ['read'],
    });
    expect(answer.body.responseContent).toBeUndefined();
    for (const bad of [
      jwt({ ...good, aud: 'https://other.example' }),
      jwt({ ...good, exp: now - 1 }),
      jwt({ ...good, iat: now + 600 }),
      jwt({ ...good, nbf: now + 600 }),
      jwt({ ...good, iss: undefined }),
      jwt(good, 'none'),
      'not-a-jwt',
    ]) {
      const refused = await token({ grant_type: JWT_BEARER, assertion: bad });
      expect({ bad, error: content(refused).error }).toEqual({ bad, error: 'invalid_grant' });
    }
    expect(content(await token({ grant_type: JWT_BEARER })).error).toBe('invalid_request');
  });

  it('/auth/token/create accepts every grant type but REFRESH_TOKEN; no refresh token for CLIENT_CREDENTIALS or IMPLICIT; subject optional for JWT_BEARER', async () => {
    for (const grantType of [
      'TOKEN_EXCHANGE',
      'JWT_BEARER',
      'IMPLICIT',
      'CIBA',
      'DEVICE_CODE',
      'PRE_AUTHORIZED_CODE',
    ]) {
      const created = await engine.call('/auth/token/create', {
        grantType,
        clientIdentifier: 'demo-legacy',
        subject: grantType === 'JWT_BEARER' ? undefined : '1001',
      });
      expect({ grantType, action: created.body.action }).toEqual({ grantType, action: 'OK' });
      expect(created.body.grantType).toBe(grantType);
      expect(created.body.refreshToken === undefined).toBe(grantType === 'IMPLICIT');
    }
    const refresh = await engine.call('/auth/token/create', {
      grantType: 'REFRESH_TOKEN',
      clientId: 17201083166164,
      subject: '1001',
    });
    expect(refresh.body.action).toBe('BAD_REQUEST');
  });
});
