import * as oauth from 'oauth4webapi';
import {
  authorize,
  basic,
  Browser,
  callbackParams,
  connect,
  type Op,
  postForm,
  prepare,
} from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/**
 * PKCE (RFC 7636): fapi2-security-profile-final-ensure-pkce-code-verifier-required,
 * fapi2-security-profile-final-incorrect-pkce-code-verifier-rejected,
 * fapi2-security-profile-final-par-plain-pkce-rejected, fapi2-security-profile-final-par-ensure-pkce-required
 * (public client), and oidcc-ensure-request-with-valid-pkce-succeeds for a public client.
 */
describe.each(variants())('PKCE ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  async function confidentialCode(extra: Record<string, string> = {}) {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, rp.redirectUri, extra);
    const params = callbackParams(await authorize(op, prepared.params));
    return { code: params.get('code')!, verifier: prepared.verifier };
  }

  function redeem(form: Record<string, string>) {
    const rp = target().confidential;
    return postForm(
      op.as.token_endpoint!,
      { grant_type: 'authorization_code', redirect_uri: rp.redirectUri, ...form },
      { authorization: basic(rp.clientId, rp.clientSecret) },
    );
  }

  it('[fapi2-security-profile-final-ensure-pkce-code-verifier-required] a code issued with a challenge is refused without code_verifier', async () => {
    const { code } = await confidentialCode();
    const response = await redeem({ code });
    expect(response.status).toBe(400);
    expect(['invalid_grant', 'invalid_request']).toContain(response.json?.error);
  });

  it('[fapi2-security-profile-final-incorrect-pkce-code-verifier-rejected] a wrong code_verifier gets 400 invalid_grant', async () => {
    const { code } = await confidentialCode();
    const response = await redeem({ code, code_verifier: oauth.generateRandomCodeVerifier() });
    expect(response.status).toBe(400);
    expect(response.json?.error).toBe('invalid_grant');
  });

  it('[fapi2-security-profile-final-par-plain-pkce-rejected] code_challenge_method=plain is rejected where S256 is required, without a code', async () => {
    const rp = target().confidential;
    const verifier = oauth.generateRandomCodeVerifier();
    const prepared = await prepare(rp.clientId, rp.redirectUri, {
      code_challenge: verifier,
      code_challenge_method: 'plain',
    });
    const outcome = await authorize(op, prepared.params, { browser: new Browser(target().issuer) });
    if (outcome.kind === 'redirect') {
      expect(outcome.params.get('error')).toBe('invalid_request');
      expect(outcome.params.has('code')).toBe(false);
    } else expect(outcome.kind).toBe('error');
  });

  it('[oidcc-discovery-endpoint-verification] plain is not advertised when S256 is required', () => {
    expect(op.metadata.code_challenge_methods_supported).not.toContain('plain');
  });

  withCapability(variant, 'publicClient', 'the public-client PKCE checks', () => {
    it('[fapi2-security-profile-final-par-ensure-pkce-required] a public client without code_challenge is refused, no code', async () => {
      const spa = target().publicClient!;
      const prepared = await prepare(spa.clientId, spa.redirectUri);
      const { code_challenge: _c, code_challenge_method: _m, ...params } = prepared.params;
      const outcome = await authorize(op, params, { browser: new Browser(target().issuer) });
      if (outcome.kind === 'redirect') {
        expect(outcome.params.get('error')).toBe('invalid_request');
        expect(outcome.params.has('code')).toBe(false);
      } else expect(outcome.kind).toBe('error');
    });

    it('[oidcc-ensure-request-with-valid-pkce-succeeds] a public client with S256 completes with token_endpoint_auth_method none (oauth4webapi None)', async () => {
      const spa = target().publicClient!;
      const prepared = await prepare(spa.clientId, spa.redirectUri);
      const outcome = await authorize(op, prepared.params);
      const client = { client_id: spa.clientId, token_endpoint_auth_method: 'none' };
      const callback = oauth.validateAuthResponse(
        op.as,
        client,
        callbackParams(outcome),
        prepared.state,
      );
      const response = await oauth.authorizationCodeGrantRequest(
        op.as,
        client,
        oauth.None(),
        callback,
        spa.redirectUri,
        prepared.verifier,
        { [oauth.allowInsecureRequests]: true },
      );
      const tokens = await oauth.processAuthorizationCodeResponse(op.as, client, response, {
        expectedNonce: prepared.nonce,
        requireIdToken: true,
      });
      expect(tokens.access_token).toEqual(expect.any(String));
    });
  });
});
