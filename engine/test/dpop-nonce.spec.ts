import { dpopKey, type DpopKey } from './dpop-proof';
import { content, EngineHarness, ISSUER, PKCE_CHALLENGE } from './harness';
import { form, WEB_BASIC, WEB_REDIRECT } from './flow-helpers';

const TOKEN_URL = `${ISSUER}/api/token`;
const RS_URL = 'https://rs.example.com/resource';
const SERVICE = { clientId: 'demo-service', clientSecret: 'demo-service-secret' };

/** RFC 9449 §8 (authorization server) and §9 (resource server) nonces, `dpopNonceRequired`. */
describe('DPoP nonces (RFC 9449 §8, §9)', () => {
  let engine: EngineHarness;
  let key: DpopKey;
  beforeAll(async () => {
    engine = await EngineHarness.create((config) => {
      const service = config.service as unknown as Record<string, unknown>;
      service.dpopNonceRequired = true;
      service.dpopNonceDuration = 600;
    });
    key = await dpopKey();
  });
  afterAll(() => engine.close());

  /** A proof made at the engine's time (its clock moves in these tests). */
  const proof = (claims: { htm: string; htu: string; accessToken?: string; nonce?: string }) =>
    key.proof({ ...claims, iat: Math.floor(engine.time / 1000) });

  const tokenRequest = async (nonce?: string) =>
    engine.call('/auth/token', {
      parameters: form({ grant_type: 'client_credentials', scope: 'read' }),
      ...SERVICE,
      dpop: await proof({ htm: 'POST', htu: TOKEN_URL, nonce }),
      htm: 'POST',
      htu: TOKEN_URL,
    });

  async function nonceAndToken(): Promise<{ nonce: string; token: string }> {
    const first = await tokenRequest();
    const nonce = first.body.dpopNonce as string;
    const second = await tokenRequest(nonce);
    return { nonce, token: content(second).access_token as string };
  }

  it('a proof without a nonce gets 400 use_dpop_nonce and the nonce to use; with it, a DPoP token', async () => {
    const first = await tokenRequest();
    expect(first.body).toMatchObject({ action: 'BAD_REQUEST', resultCode: 'A051376' });
    expect(content(first).error).toBe('use_dpop_nonce');
    const nonce = first.body.dpopNonce;
    expect(nonce).toMatch(/^[0-9a-z]+\.[\w-]{24}$/);
    const second = await tokenRequest(nonce as string);
    expect(second.body.action).toBe('OK');
    expect(content(second).token_type).toBe('DPoP');
    expect(second.body.dpopNonce).toBe(nonce);
  });

  it('a made-up nonce, or one from two windows ago, is refused with a fresh one', async () => {
    const madeUp = await tokenRequest('0.AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(content(madeUp).error).toBe('use_dpop_nonce');
    const { nonce } = await nonceAndToken();
    engine.advance(600);
    expect((await tokenRequest(nonce)).body.action).toBe('OK');
    engine.advance(600);
    const stale = await tokenRequest(nonce);
    expect(content(stale).error).toBe('use_dpop_nonce');
    expect(stale.body.dpopNonce).not.toBe(nonce);
  });

  it('a proof at PAR without the nonce: use_dpop_nonce (A245376) with the nonce; with it, CREATED', async () => {
    const par = `${ISSUER}/api/par`;
    const push = async (nonce?: string) =>
      engine.call('/pushed_auth_req', {
        parameters: form({
          response_type: 'code',
          redirect_uri: WEB_REDIRECT,
          scope: 'openid',
          code_challenge: PKCE_CHALLENGE,
          code_challenge_method: 'S256',
        }),
        ...WEB_BASIC,
        dpop: await proof({ htm: 'POST', htu: par, nonce }),
        htm: 'POST',
        htu: par,
      });
    const refused = await push();
    expect(refused.body).toMatchObject({ action: 'BAD_REQUEST', resultCode: 'A245376' });
    expect(content(refused).error).toBe('use_dpop_nonce');
    const nonce = refused.body.dpopNonce as string;
    expect(nonce).toEqual(expect.any(String));
    expect((await push(nonce)).body.action).toBe('CREATED');
  });

  it('the request flag asks for nonces where the service does not', async () => {
    const lax = await EngineHarness.create();
    try {
      const call = async (extra: Record<string, unknown>) =>
        lax.call('/auth/token', {
          parameters: form({ grant_type: 'client_credentials', scope: 'read' }),
          ...SERVICE,
          dpop: await key.proof({ htm: 'POST', htu: TOKEN_URL }),
          htm: 'POST',
          htu: TOKEN_URL,
          ...extra,
        });
      const plain = await call({});
      expect(plain.body.action).toBe('OK');
      expect(plain.body.dpopNonce).toBeUndefined();
      expect(content(await call({ dpopNonceRequired: true })).error).toBe('use_dpop_nonce');
    } finally {
      await lax.close();
    }
  });

  it('introspection of a DPoP token without the nonce: UNAUTHORIZED use_dpop_nonce with the nonce', async () => {
    const { token } = await nonceAndToken();
    const introspect = async (nonce?: string) =>
      engine.call('/auth/introspection', {
        token,
        dpop: await proof({ htm: 'GET', htu: RS_URL, accessToken: token, nonce }),
        htm: 'GET',
        htu: RS_URL,
      });
    const refused = await introspect();
    expect(refused.body).toMatchObject({ action: 'UNAUTHORIZED', resultCode: 'A056365' });
    expect(refused.body.responseContent).toMatch(/^DPoP error="use_dpop_nonce"/);
    const nonce = refused.body.dpopNonce as string;
    expect(nonce).toEqual(expect.any(String));
    const accepted = await introspect(nonce);
    expect(accepted.body).toMatchObject({ action: 'OK', usable: true, dpopNonce: nonce });
  });

  it('userinfo too (RFC 9449 §9): a user’s DPoP token without the nonce is refused with one', async () => {
    const passwordGrant = async (nonce?: string) =>
      engine.call('/auth/token', {
        parameters: form({
          grant_type: 'password',
          username: 'alice',
          password: 'x',
          scope: 'openid',
        }),
        clientId: 'demo-legacy',
        clientSecret: 'demo-legacy-secret',
        dpop: await proof({ htm: 'POST', htu: TOKEN_URL, nonce }),
      });
    const asked = await passwordGrant();
    const granted = await passwordGrant(asked.body.dpopNonce as string);
    expect(granted.body.action).toBe('PASSWORD');
    const issued = await engine.call('/auth/token/issue', {
      ticket: granted.body.ticket,
      subject: '1001',
    });
    const token = String(issued.body.accessToken);
    const userinfo = async (nonce?: string) =>
      engine.call('/auth/userinfo', {
        token,
        dpop: await proof({ htm: 'GET', htu: `${ISSUER}/api/userinfo`, accessToken: token, nonce }),
        htm: 'GET',
        htu: `${ISSUER}/api/userinfo`,
      });
    const refused = await userinfo();
    expect(refused.body.action).toBe('UNAUTHORIZED');
    expect(refused.body.responseContent).toMatch(/^DPoP error="use_dpop_nonce"/);
    const nonce = refused.body.dpopNonce as string;
    const accepted = await userinfo(nonce);
    expect(accepted.body).toMatchObject({ action: 'OK', dpopNonce: nonce });
  });
});
