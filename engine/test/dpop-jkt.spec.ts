import { calculateJwkThumbprint } from 'jose';
import { dpopKey, type DpopKey } from './dpop-proof';
import { authorize, form, obtainCode, WEB_BASIC, WEB_REDIRECT } from './flow-helpers';
import {
  content,
  EngineHarness,
  ISSUER,
  PKCE_CHALLENGE,
  PKCE_VERIFIER,
  redirectParams,
} from './harness';

const TOKEN_URL = `${ISSUER}/api/token`;
const PAR_URL = `${ISSUER}/api/par`;

/** RFC 9449 §10: an authorization code bound to a DPoP key, by `dpop_jkt` or by a proof at PAR. */
describe('DPoP-bound authorization codes (RFC 9449 §10)', () => {
  let engine: EngineHarness;
  let key: DpopKey;
  let other: DpopKey;
  let jkt: string;
  beforeAll(async () => {
    engine = await EngineHarness.create();
    [key, other] = await Promise.all([dpopKey(), dpopKey()]);
    jkt = await calculateJwkThumbprint(key.publicJwk, 'sha256');
  });
  afterAll(() => engine.close());

  const exchange = async (code: string, prover?: DpopKey) =>
    engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: WEB_REDIRECT,
        code_verifier: PKCE_VERIFIER,
      }),
      ...WEB_BASIC,
      ...(prover === undefined
        ? {}
        : {
            dpop: await prover.proof({ htm: 'POST', htu: TOKEN_URL }),
            htm: 'POST',
            htu: TOKEN_URL,
          }),
    });

  it('dpop_jkt binds the code: no proof or another key is refused, the named key gets a DPoP token', async () => {
    const { code } = await obtainCode(engine, { dpop_jkt: jkt });
    const bare = await exchange(code);
    expect(bare.body).toMatchObject({ action: 'BAD_REQUEST', resultCode: 'A050310' });
    expect(content(bare).error).toBe('invalid_dpop_proof');
    expect(content(await exchange(code, other)).error).toBe('invalid_dpop_proof');
    const right = await exchange(code, key);
    expect(right.body.action).toBe('OK');
    expect(content(right).token_type).toBe('DPoP');
  });

  it('a malformed dpop_jkt is an invalid_request at the authorization endpoint', async () => {
    const answer = await authorize(engine, {
      response_type: 'code',
      client_id: 'demo-web',
      redirect_uri: WEB_REDIRECT,
      scope: 'openid',
      code_challenge: PKCE_CHALLENGE,
      code_challenge_method: 'S256',
      dpop_jkt: 'not a thumbprint',
    });
    expect(answer.body.resultCode).toBe('A009337');
    expect(redirectParams(String(answer.body.responseContent)).get('error')).toBe(
      'invalid_request',
    );
  });

  describe('a proof at PAR (§10.1)', () => {
    const parameters = {
      response_type: 'code',
      redirect_uri: WEB_REDIRECT,
      scope: 'openid read',
      code_challenge: PKCE_CHALLENGE,
      code_challenge_method: 'S256',
    };
    const push = async (extra: Record<string, string> = {}) =>
      engine.call('/pushed_auth_req', {
        parameters: form({ ...parameters, ...extra }),
        ...WEB_BASIC,
        dpop: await key.proof({ htm: 'POST', htu: PAR_URL }),
        htm: 'POST',
        htu: PAR_URL,
      });

    it('binds the code to the proof’s key', async () => {
      const pushed = await push();
      expect(pushed.body.action).toBe('CREATED');
      const { code } = await obtainCode(engine, {
        request_uri: String(pushed.body.requestUri),
        client_id: 'demo-web',
      });
      expect(content(await exchange(code, other)).error).toBe('invalid_dpop_proof');
      expect((await exchange(code, key)).body.action).toBe('OK');
    });

    it('is refused when dpop_jkt names another key, or when the proof is bad', async () => {
      const otherJkt = await calculateJwkThumbprint(other.publicJwk, 'sha256');
      const mismatch = await push({ dpop_jkt: otherJkt });
      expect(mismatch.body).toMatchObject({ action: 'BAD_REQUEST', resultCode: 'A245373' });
      expect(content(mismatch).error).toBe('invalid_dpop_proof');
      const wrongTarget = await engine.call('/pushed_auth_req', {
        parameters: form(parameters),
        ...WEB_BASIC,
        dpop: await key.proof({ htm: 'POST', htu: TOKEN_URL }),
      });
      expect(wrongTarget.body).toMatchObject({ action: 'BAD_REQUEST', resultCode: 'A245372' });
    });
  });
});
