import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  DEMO_ISSUER_KEY,
  demoJwt,
  EXCHANGE,
  introspect,
  ISSUER,
  JWT_BEARER,
  postForm,
  unsignedJwt,
} from './grant-helpers';

const ANY_STRING: unknown = expect.any(String);
const ANY_NUMBER: unknown = expect.any(Number);

describe('JWT bearer grant (RFC 7523 §2.1) end to end on the embedded engine', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({});
  });
  afterAll(async () => {
    await app?.close();
  });

  const grant = (assertion: string, scope = 'read') =>
    postForm(`${app.url}/api/token`, { grant_type: JWT_BEARER, assertion, scope }, EXCHANGE);

  async function expectInvalidGrant(assertion: string): Promise<void> {
    const answer = await grant(assertion);
    expect({ status: answer.status, error: answer.json.error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  }

  it('an assertion signed by the demo trusted issuer gets a token for the mapped user; the same assertion again (replayed jti) is invalid_grant', async () => {
    const assertion = await demoJwt({ jti: randomUUID() });
    const answer = await grant(assertion);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      access_token: ANY_STRING,
      token_type: 'Bearer',
      expires_in: ANY_NUMBER,
      scope: 'read',
    });
    expect(await introspect(app.url, answer.json.access_token as string)).toMatchObject({
      active: true,
      sub: '1001',
      client_id: 'demo-exchange',
      scope: 'read',
    });
    await expectInvalidGrant(assertion);
  });

  it('aud may name the issuer itself (RFC 7523 §3 item 3)', async () => {
    const answer = await grant(await demoJwt({ jti: randomUUID(), aud: ISSUER }));
    expect(answer.status).toBe(200);
  });

  it('a wrong signature is invalid_grant', async () => {
    const other = await generateKeyPair('ES256', { extractable: true });
    const key = { ...(await exportJWK(other.privateKey)), kid: DEMO_ISSUER_KEY.kid };
    await expectInvalidGrant(await demoJwt({ jti: randomUUID() }, { key }));
  });

  it('a wrong aud is invalid_grant', async () => {
    await expectInvalidGrant(
      await demoJwt({ jti: randomUUID(), aud: 'https://elsewhere.example' }),
    );
  });

  it('an expired assertion, and one valid for longer than the issuer allows, are invalid_grant', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectInvalidGrant(await demoJwt({ jti: randomUUID(), iat: now - 600, exp: now - 300 }));
    await expectInvalidGrant(await demoJwt({ jti: randomUUID(), iat: now, exp: now + 3600 }));
  });

  it('an alg:none assertion is invalid_grant', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectInvalidGrant(
      unsignedJwt({
        iss: 'https://demo-assertion-issuer.example',
        sub: '1001',
        aud: `${ISSUER}/api/token`,
        iat: now,
        exp: now + 60,
        jti: randomUUID(),
      }),
    );
  });

  it('an unknown issuer, an assertion without jti and an unknown user are invalid_grant', async () => {
    await expectInvalidGrant(await demoJwt({ jti: randomUUID(), iss: 'https://unknown.example' }));
    await expectInvalidGrant(await demoJwt({}));
    await expectInvalidGrant(await demoJwt({ jti: randomUUID(), sub: 'no-such-user' }));
  });

  it('a missing assertion is invalid_request (RFC 6749 §5.2)', async () => {
    const answer = await postForm(`${app.url}/api/token`, { grant_type: JWT_BEARER }, EXCHANGE);
    expect({ status: answer.status, error: answer.json.error }).toEqual({
      status: 400,
      error: 'invalid_request',
    });
  });
});
