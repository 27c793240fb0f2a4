import * as oauth from 'oauth4webapi';
import {
  authorize,
  basic,
  callbackParams,
  connect,
  type Op,
  postForm,
  prepare,
} from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/**
 * Authorization code: oidcc-basic-certification-test-plan modules oidcc-codereuse and
 * oidcc-codereuse-30seconds (the second use is rejected and the tokens issued from the code are
 * revoked, RFC 6749 §4.1.2; without the 30 s wait: the behaviour does not depend on it), plus
 * fapi2-security-profile-final-ensure-authorization-code-is-bound-to-client and the redirect_uri
 * binding at the token endpoint (RFC 6749 §4.1.3). The expired code lives in timing.e2e-spec.ts.
 */
describe.each(variants())('oidcc-basic: authorization code ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  async function freshCode(): Promise<{ code: string; verifier: string }> {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, rp.redirectUri);
    const params = callbackParams(await authorize(op, prepared.params));
    return { code: params.get('code')!, verifier: prepared.verifier };
  }

  function redeem(
    code: string,
    verifier: string,
    overrides: Record<string, string> = {},
    auth?: string,
  ) {
    const rp = target().confidential;
    return postForm(
      op.as.token_endpoint!,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: rp.redirectUri,
        code_verifier: verifier,
        ...overrides,
      },
      { authorization: auth ?? basic(rp.clientId, rp.clientSecret) },
    );
  }

  it('[oidcc-codereuse] a code used twice is rejected the second time with 400 invalid_grant', async () => {
    const { code, verifier } = await freshCode();
    expect((await redeem(code, verifier)).status).toBe(200);
    const second = await redeem(code, verifier);
    expect(second.status).toBe(400);
    expect(second.json?.error).toBe('invalid_grant');
  });

  it('[oidcc-codereuse-30seconds] reusing a code revokes the access token issued from it (RFC 6749 §4.1.2)', async () => {
    const { code, verifier } = await freshCode();
    const first = await redeem(code, verifier);
    const accessToken = first.json!.access_token as string;
    const before = await fetch(op.as.userinfo_endpoint!, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(before.status).toBe(200);
    expect((await redeem(code, verifier)).status).toBe(400);
    const after = await fetch(op.as.userinfo_endpoint!, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('[oidcc-codereuse-30seconds] reusing a code also revokes the refresh token issued from it', async () => {
    const { code, verifier } = await freshCode();
    const first = await redeem(code, verifier);
    const refreshToken = first.json!.refresh_token as string | undefined;
    expect(refreshToken).toEqual(expect.any(String));
    await redeem(code, verifier);
    const rp = target().confidential;
    const refreshed = await postForm(
      op.as.token_endpoint!,
      { grant_type: 'refresh_token', refresh_token: refreshToken! },
      { authorization: basic(rp.clientId, rp.clientSecret) },
    );
    expect(refreshed.status).toBe(400);
    expect(refreshed.json?.error).toBe('invalid_grant');
  });

  withCapability(variant, 'specialSecretClient', 'the code-bound-to-client check', () => {
    it('[fapi2-security-profile-final-ensure-authorization-code-is-bound-to-client] another client cannot redeem the code (invalid_grant)', async () => {
      const { code, verifier } = await freshCode();
      const other = target().specialSecretClient!;
      const response = await redeem(code, verifier, {}, basic(other.clientId, other.clientSecret));
      expect(response.status).toBe(400);
      expect(response.json?.error).toBe('invalid_grant');
    });
  });

  withCapability(
    variant,
    'otherRedirectUri',
    'the token-endpoint redirect_uri binding check',
    () => {
      it('[oidcc-server, RFC 6749 §4.1.3] a redirect_uri at the token endpoint different from the one authorized is rejected (invalid_grant)', async () => {
        const { code, verifier } = await freshCode();
        const response = await redeem(code, verifier, {
          redirect_uri: target().confidential.otherRedirectUri!,
        });
        expect(response.status).toBe(400);
        expect(response.json?.error).toBe('invalid_grant');
      });
    },
  );

  it('[oidcc-server, RFC 6749 §4.1.3] a redirect_uri omitted at the token endpoint although sent in the request is rejected', async () => {
    const { code, verifier } = await freshCode();
    const rp = target().confidential;
    const response = await postForm(
      op.as.token_endpoint!,
      { grant_type: 'authorization_code', code, code_verifier: verifier },
      { authorization: basic(rp.clientId, rp.clientSecret) },
    );
    expect(response.status).toBe(400);
    expect(['invalid_grant', 'invalid_request']).toContain(response.json?.error);
  });

  it('[oidcc-server] an unknown code gets 400 invalid_grant; oauth4webapi surfaces it as ResponseBodyError', async () => {
    const rp = target().confidential;
    const response = await oauth.authorizationCodeGrantRequest(
      op.as,
      { client_id: rp.clientId },
      oauth.ClientSecretBasic(rp.clientSecret),
      oauth.validateAuthResponse(
        op.as,
        { client_id: rp.clientId },
        new URLSearchParams({ code: 'not-a-code', iss: target().issuer }),
        oauth.skipStateCheck,
      ),
      rp.redirectUri,
      oauth.nopkce,
      { [oauth.allowInsecureRequests]: true },
    );
    await expect(
      oauth.processAuthorizationCodeResponse(op.as, { client_id: rp.clientId }, response),
    ).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });
  });
});
