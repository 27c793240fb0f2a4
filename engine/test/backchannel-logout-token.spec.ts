import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { EngineHarness } from './harness';

describe('/backchannel/logout/token (Back-Channel Logout 1.0 §2.4; BackchannelLogoutTokenRequest)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create((config) => {
      const web = config.clients.find((client) => client.clientIdAlias === 'demo-web')!;
      web.backchannelLogoutUri = 'https://rp.example.com/bcl';
    });
  });
  afterAll(() => engine.close());

  it('OK: a logout token signed with the service key, with the client backchannelLogoutUri', async () => {
    const answer = await engine.call('/backchannel/logout/token', {
      clientIdentifier: 'demo-web',
      subject: 'alice',
      sessionId: 'sid-1',
    });
    expect(answer.body).toMatchObject({
      action: 'OK',
      resultCode: 'A274001',
      backchannelLogoutUri: 'https://rp.example.com/bcl',
    });
    const token = answer.body.logoutToken as string;
    expect(decodeProtectedHeader(token).typ).toBe('logout+jwt');
    const jwks = await engine.call('/service/jwks/get');
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks.body as never), {
      issuer: 'http://localhost:8080',
      audience: 'demo-web',
    });
    expect(payload).toMatchObject({
      sub: 'alice',
      sid: 'sid-1',
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });
    expect(payload.jti).toEqual(expect.any(String));
    expect(payload.iat).toEqual(expect.any(Number));
    expect(payload.exp! - payload.iat!).toBe(120);
    expect(payload).not.toHaveProperty('nonce');
  });

  it('OK without backchannelLogoutUri for a client that has none; sid alone is enough', async () => {
    const answer = await engine.call('/backchannel/logout/token', {
      clientIdentifier: 'demo-spa',
      sessionId: 'sid-2',
    });
    expect(answer.body.action).toBe('OK');
    expect(answer.body).not.toHaveProperty('backchannelLogoutUri');
  });

  it.each([
    [{ subject: 'alice' }, 'A274201'],
    [{ clientIdentifier: 'demo-web' }, 'A274202'],
    [{ clientIdentifier: 'nobody', subject: 'alice' }, 'A274203'],
  ])('CALLER_ERROR for %j', async (request, code) => {
    const answer = await engine.call('/backchannel/logout/token', request);
    expect(answer.body).toMatchObject({ action: 'CALLER_ERROR', resultCode: code });
    expect(answer.body).not.toHaveProperty('logoutToken');
  });
});
