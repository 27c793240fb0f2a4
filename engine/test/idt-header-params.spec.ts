import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { codeFlowTokens, form, WEB_BASIC } from './flow-helpers';
import { content, EngineHarness } from './harness';

const HEADER = JSON.stringify({ typ: 'JWT', extra_key: 'extra_value', alg: 'none', kid: 'x' });

describe('idtHeaderParams: additional JWS header parameters of ID tokens (Authlete 2.2+)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  const verify = (token: unknown) =>
    jwtVerify(token as string, createLocalJWKSet(engine.built.context.keys.publicJwkSet()));

  it('given at /auth/authorization/issue, they reach the ID token of the code exchange; alg and kid stay the signer’s', async () => {
    const { tokens } = await codeFlowTokens(engine, {}, { idtHeaderParams: HEADER });
    const header = decodeProtectedHeader(tokens.id_token as string);
    expect(header).toMatchObject({ typ: 'JWT', extra_key: 'extra_value', alg: 'RS256' });
    expect(header.kid).not.toBe('x');
    await expect(verify(tokens.id_token)).resolves.toBeDefined();
  });

  it('without them the header is only alg and kid', async () => {
    const { tokens } = await codeFlowTokens(engine);
    expect(Object.keys(decodeProtectedHeader(tokens.id_token as string)).sort()).toEqual([
      'alg',
      'kid',
    ]);
  });

  it('given at /idtoken/reissue, they reach the reissued ID token', async () => {
    const { tokens } = await codeFlowTokens(engine);
    const refreshed = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'refresh_token',
        refresh_token: String(tokens.refresh_token),
      }),
      ...WEB_BASIC,
    });
    expect(refreshed.body.action).toBe('ID_TOKEN_REISSUABLE');
    const reissued = await engine.call('/idtoken/reissue', {
      accessToken: refreshed.body.accessToken,
      refreshToken: refreshed.body.refreshToken,
      idtHeaderParams: JSON.stringify({ 'x-tenant': 't1', b64: false, crit: ['b64'] }),
    });
    expect(reissued.body.action).toBe('OK');
    const header = decodeProtectedHeader(content(reissued).id_token as string);
    expect(header['x-tenant']).toBe('t1');
    expect(header).not.toHaveProperty('b64');
    expect(header).not.toHaveProperty('crit');
    await expect(verify(content(reissued).id_token)).resolves.toBeDefined();
  });

  it('a value that is not a JSON object is a caller error, and the ticket is kept', async () => {
    const authorization = await engine.call('/auth/authorization', {
      parameters: form({
        response_type: 'code',
        client_id: 'demo-web',
        redirect_uri: 'http://localhost:3000/callback',
        scope: 'openid',
        code_challenge: 'GoSFV-EH8eE79MwCEtzGl55Va5aB99oyGNN4AJrBl_s',
        code_challenge_method: 'S256',
      }),
    });
    const refused = await engine.call('/auth/authorization/issue', {
      ticket: authorization.body.ticket,
      subject: 'alice',
      idtHeaderParams: '["typ"]',
    });
    expect(refused.body).toMatchObject({ action: 'BAD_REQUEST', resultCode: 'A040202' });
    const issued = await engine.call('/auth/authorization/issue', {
      ticket: authorization.body.ticket,
      subject: 'alice',
    });
    expect(issued.body.action).toBe('LOCATION');
  });
});
