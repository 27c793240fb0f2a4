import * as oauth from 'oauth4webapi';
import { basic, codeFlow, connect, insecure, type Op, postForm } from './support/op';
import { useTarget, variants } from './support/variants';

/**
 * UserInfo: oidcc-basic-certification-test-plan modules oidcc-userinfo-get,
 * oidcc-userinfo-post-header, oidcc-userinfo-post-body; token placement rules of RFC 6750 §2
 * (query rejected, more than one method rejected) and invalid_token challenges of RFC 6750 §3.
 */
describe.each(variants())('oidcc-basic: userinfo ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  let token: string;
  let subject: string;
  beforeAll(async () => {
    op = await connect(target());
    const flow = await codeFlow(op, { extra: { scope: 'openid profile email' } });
    token = flow.tokens.access_token;
    subject = flow.idToken.sub;
  });

  function endpoint(): string {
    return op.as.userinfo_endpoint!;
  }

  function challengeOf(response: { headers: Headers }): string {
    return response.headers.get('www-authenticate') ?? '';
  }

  it('[oidcc-userinfo-get] GET with the bearer token in the header returns the claims; oauth4webapi validates sub', async () => {
    const rp = { client_id: target().confidential.clientId };
    const response = await oauth.userInfoRequest(op.as, rp, token, insecure);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const info = await oauth.processUserInfoResponse(op.as, rp, subject, response);
    expect(info.sub).toBe(subject);
    expect(typeof info.email).toBe('string');
  });

  it('[oidcc-userinfo-post-header] POST with the bearer token in the header returns the claims', async () => {
    const response = await postForm(endpoint(), {}, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.json?.sub).toBe(subject);
  });

  it('[oidcc-userinfo-post-body] POST with access_token in the form body returns the claims (RFC 6750 §2.2)', async () => {
    const response = await postForm(endpoint(), { access_token: token });
    expect(response.status).toBe(200);
    expect(response.json?.sub).toBe(subject);
  });

  it('[oidcc-userinfo-get, RFC 6750 §2.3] a token in the query string is rejected with 400 or 401, no claims', async () => {
    const response = await fetch(`${endpoint()}?access_token=${encodeURIComponent(token)}`);
    expect([400, 401]).toContain(response.status);
    const body = await response.text();
    expect(body).not.toContain(subject === '' ? '\u0000' : `"sub":"${subject}"`);
    expect(challengeOf(response)).toMatch(/^Bearer/);
  });

  it('[oidcc-userinfo-post-body, RFC 6750 §2] a token in both the header and the body is rejected with 400 invalid_request', async () => {
    const response = await postForm(
      endpoint(),
      { access_token: token },
      { authorization: `Bearer ${token}` },
    );
    expect(response.status).toBe(400);
    expect(challengeOf(response)).toMatch(/^Bearer .*error="invalid_request"/);
  });

  it('[oidcc-userinfo-get, RFC 6750 §3.1] no token gets 401 with a Bearer challenge', async () => {
    const response = await fetch(endpoint());
    expect(response.status).toBe(401);
    expect(challengeOf(response)).toMatch(/^Bearer/);
  });

  it('[oidcc-userinfo-get, RFC 6750 §3.1] an unknown token gets 401 with error="invalid_token"', async () => {
    const response = await fetch(endpoint(), {
      headers: { authorization: 'Bearer not-a-real-token' },
    });
    expect(response.status).toBe(401);
    expect(challengeOf(response)).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it('[oidcc-codereuse-30seconds, RFC 7009] a revoked token gets 401 with error="invalid_token"', async () => {
    const flow = await codeFlow(op, { extra: { scope: 'openid' } });
    const rp = target().confidential;
    const revoked = await postForm(
      op.as.revocation_endpoint!,
      { token: flow.tokens.access_token, token_type_hint: 'access_token' },
      { authorization: basic(rp.clientId, rp.clientSecret) },
    );
    expect(revoked.status).toBe(200);
    const response = await fetch(endpoint(), {
      headers: { authorization: `Bearer ${flow.tokens.access_token}` },
    });
    expect(response.status).toBe(401);
    expect(challengeOf(response)).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it('[oidcc-userinfo-get] userinfo responses are no-store (OIDC Core §5.3.2)', async () => {
    const response = await fetch(endpoint(), { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
  });
});
