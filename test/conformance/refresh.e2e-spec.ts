import * as oauth from 'oauth4webapi';
import {
  basic,
  codeFlow,
  confidentialClient,
  connect,
  insecure,
  type Op,
  postForm,
} from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/**
 * Refresh tokens: oidcc-basic-certification-test-plan module oidcc-refresh-token (the refresh token
 * works, is bound to the client, and a refreshed ID token keeps iss/sub/aud, OIDC Core §12.2), plus
 * rotation and reuse detection (RFC 9700 §4.14.2, fapi2-security-profile-final-refresh-token).
 */
describe.each(variants())('oidcc-basic: refresh tokens ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  function refresh(refreshToken: string, extra: Record<string, string> = {}, auth?: string) {
    const rp = target().confidential;
    return postForm(
      op.as.token_endpoint!,
      { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra },
      { authorization: auth ?? basic(rp.clientId, rp.clientSecret) },
    );
  }

  async function initial(scope = 'openid offline_access') {
    const flow = await codeFlow(op, { extra: { scope, prompt: 'consent' } });
    expect(flow.tokens.refresh_token).toEqual(expect.any(String));
    return flow;
  }

  it('[oidcc-refresh-token] the refresh token yields new tokens; oauth4webapi validates the refreshed ID token (OIDC Core §12.2)', async () => {
    const flow = await initial();
    const rp = target().confidential;
    const response = await oauth.refreshTokenGrantRequest(
      op.as,
      confidentialClient(rp),
      oauth.ClientSecretBasic(rp.clientSecret),
      flow.tokens.refresh_token!,
      insecure,
    );
    const tokens = await oauth.processRefreshTokenResponse(op.as, confidentialClient(rp), response);
    expect(tokens.access_token).not.toBe(flow.tokens.access_token);
    const refreshed = oauth.getValidatedIdTokenClaims(tokens);
    if (refreshed) {
      expect(refreshed.iss).toBe(flow.idToken.iss);
      expect(refreshed.sub).toBe(flow.idToken.sub);
      expect(refreshed.aud).toEqual(flow.idToken.aud);
      if (flow.idToken.auth_time !== undefined) {
        expect(refreshed.auth_time).toBe(flow.idToken.auth_time);
      }
    }
    const info = await fetch(op.as.userinfo_endpoint!, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(info.status).toBe(200);
  });

  it('[fapi2-security-profile-final-refresh-token] refresh rotates: a new refresh token is issued and the old one is refused', async () => {
    const flow = await initial();
    const first = await refresh(flow.tokens.refresh_token!);
    expect(first.status).toBe(200);
    const rotated = first.json!.refresh_token as string;
    expect(rotated).toEqual(expect.any(String));
    expect(rotated).not.toBe(flow.tokens.refresh_token);
    const reuse = await refresh(flow.tokens.refresh_token!);
    expect(reuse.status).toBe(400);
    expect(reuse.json?.error).toBe('invalid_grant');
  });

  it('[fapi2-security-profile-final-refresh-token, RFC 9700 §4.14.2] reusing a rotated refresh token revokes the whole family: the new refresh token stops working', async () => {
    const flow = await initial();
    const first = await refresh(flow.tokens.refresh_token!);
    const rotated = first.json!.refresh_token as string;
    expect((await refresh(flow.tokens.refresh_token!)).status).toBe(400);
    const afterReuse = await refresh(rotated);
    expect(afterReuse.status).toBe(400);
    expect(afterReuse.json?.error).toBe('invalid_grant');
  });

  withCapability(variant, 'specialSecretClient', 'the refresh client-binding check', () => {
    it('[oidcc-refresh-token] a refresh token is bound to its client: another client gets invalid_grant', async () => {
      const flow = await initial();
      const other = target().specialSecretClient!;
      const response = await refresh(
        flow.tokens.refresh_token!,
        {},
        basic(other.clientId, other.clientSecret),
      );
      expect(response.status).toBe(400);
      expect(response.json?.error).toBe('invalid_grant');
    });
  });

  it('[oidcc-refresh-token, RFC 6749 §6] a narrower scope is granted; a wider one is refused with invalid_scope', async () => {
    const flow = await initial('openid offline_access email');
    const narrower = await refresh(flow.tokens.refresh_token!, { scope: 'openid offline_access' });
    expect(narrower.status).toBe(200);
    expect(String(narrower.json!.scope).split(' ')).not.toContain('email');
    const wider = await refresh(narrower.json!.refresh_token as string, {
      scope: 'openid offline_access email phone',
    });
    expect(wider.status).toBe(400);
    expect(wider.json?.error).toBe('invalid_scope');
  });

  it('[oidcc-refresh-token] an unknown refresh token gets 400 invalid_grant', async () => {
    const response = await refresh('not-a-refresh-token');
    expect(response.status).toBe(400);
    expect(response.json?.error).toBe('invalid_grant');
  });
});
