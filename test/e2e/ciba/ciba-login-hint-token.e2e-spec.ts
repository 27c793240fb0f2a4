import { exportJWK, generateKeyPair } from 'jose';
import {
  DEMO_ISSUER_KEY,
  demoJwt,
  ISSUER,
  TOKEN_ENDPOINT,
  unsignedJwt,
} from '../grants/grant-helpers';
import { backchannelAuthentication, CIBA_POLL_CLIENT } from '../../support/ciba';
import { startTestApp, type TestApp } from '../../support/test-app';

/** A CIBA request for the demo poll client with this `login_hint_token` (CIBA Core §7.1). */
function withToken(app: TestApp, token: string) {
  return backchannelAuthentication(app.url, CIBA_POLL_CLIENT, { login_hint_token: token });
}

describe('CIBA login_hint_token (CIBA Core §7.1) from a trusted issuer on the embedded engine', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ THROTTLE_ENABLED: 'false' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('accepts a token of the demo issuer whose sub names alice, with aud = this issuer', async () => {
    const answer = await withToken(app, await demoJwt({ aud: ISSUER, sub: '1001' }));
    expect(answer.status).toBe(200);
    expect(answer.body.auth_req_id).toEqual(expect.any(String));
  });

  it('answers an expired token with expired_login_hint_token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await demoJwt({ aud: ISSUER, iat: now - 200, exp: now - 100 });
    const answer = await withToken(app, token);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('expired_login_hint_token');
  });

  it.each([
    ['an unknown user', () => demoJwt({ aud: ISSUER, sub: 'nobody' })],
    ['the token endpoint as aud', () => demoJwt({ aud: TOKEN_ENDPOINT })],
    ['an untrusted issuer', () => demoJwt({ aud: ISSUER, iss: 'https://evil.example' })],
    [
      'a foreign key',
      async () => {
        const other = await generateKeyPair('ES256', { extractable: true });
        const key = { ...(await exportJWK(other.privateKey)), kid: DEMO_ISSUER_KEY.kid };
        return demoJwt({ aud: ISSUER }, { key });
      },
    ],
    ['alg none', () => Promise.resolve(unsignedJwt({ iss: 'x', sub: '1001', aud: ISSUER }))],
    ['no exp', () => demoJwt({ aud: ISSUER, exp: undefined })],
    ['not a JWT', () => Promise.resolve('not-a-jwt')],
    ['an oversized token', () => Promise.resolve('a'.repeat(9000))],
  ])('answers %s with unknown_user_id', async (_why, make) => {
    const answer = await withToken(app, await make());
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('unknown_user_id');
  });
});
