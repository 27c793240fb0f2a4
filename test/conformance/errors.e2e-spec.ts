import { basic, codeFlow, connect, type Op, postForm } from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/** RFC 6749 §5.2: error and error_description use %x20-21 / %x23-5B / %x5D-7E only. */
const ERROR_CHARSET = /^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/;

type Answer = Awaited<ReturnType<typeof postForm>>;

/**
 * Error responses: token endpoint error bodies per RFC 6749 §5.2 as the suite checks them in every
 * negative module (ValidateErrorFromTokenEndpointResponseError,
 * ValidateErrorDescriptionFromTokenEndpointResponseError, CheckErrorDescriptionFromTokenEndpointResponseErrorContainsCRLFTAB,
 * CheckTokenEndpointHttpStatusIs400Allowing401ForInvalidClientError); introspection (RFC 7662 §2.1)
 * and revocation (RFC 7009 §2.1) require client authentication.
 */
describe.each(variants())('errors, introspection and revocation ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  function confidentialAuth(): string {
    const rp = target().confidential;
    return basic(rp.clientId, rp.clientSecret);
  }

  function expectRfc6749Error(answer: Answer, status: number, error: string): void {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('cache-control')).toContain('no-store');
    expect(answer.json?.error).toBe(error);
    expect(answer.json!.error as string).toMatch(ERROR_CHARSET);
    const description = answer.json!.error_description;
    if (description !== undefined) {
      expect(typeof description).toBe('string');
      expect(description as string).toMatch(ERROR_CHARSET);
    }
    if (answer.json!.error_uri !== undefined) {
      expect(() => new URL(answer.json!.error_uri as string)).not.toThrow();
    }
    expect(answer.json).not.toHaveProperty('access_token');
  }

  it('[oidcc-codereuse, ValidateErrorFromTokenEndpointResponseError] an unknown code: 400 invalid_grant, JSON, no-store, charset of §5.2', async () => {
    const rp = target().confidential;
    const answer = await postForm(
      op.as.token_endpoint!,
      { grant_type: 'authorization_code', code: 'bogus', redirect_uri: rp.redirectUri },
      { authorization: confidentialAuth() },
    );
    expectRfc6749Error(answer, 400, 'invalid_grant');
    expect(answer.headers.get('pragma')).toBe('no-cache');
  });

  it('[oidcc-server, ValidateErrorFromTokenEndpointResponseError] an unknown grant_type: 400 unsupported_grant_type', async () => {
    const answer = await postForm(
      op.as.token_endpoint!,
      { grant_type: 'urn:example:nope' },
      { authorization: confidentialAuth() },
    );
    expectRfc6749Error(answer, 400, 'unsupported_grant_type');
  });

  it('[oidcc-server, ValidateErrorFromTokenEndpointResponseError] a missing grant_type: 400 invalid_request', async () => {
    const answer = await postForm(
      op.as.token_endpoint!,
      { code: 'x' },
      { authorization: confidentialAuth() },
    );
    expectRfc6749Error(answer, 400, 'invalid_request');
  });

  it('[oidcc-server, ValidateErrorFromTokenEndpointResponseError] a missing code: 400 invalid_request', async () => {
    const answer = await postForm(
      op.as.token_endpoint!,
      { grant_type: 'authorization_code' },
      { authorization: confidentialAuth() },
    );
    expectRfc6749Error(answer, 400, 'invalid_request');
  });

  it('[oidcc-server, ValidateErrorFromTokenEndpointResponseError] a grant the client is not registered for: 400 unauthorized_client', async () => {
    const answer = await postForm(
      op.as.token_endpoint!,
      {
        grant_type: 'password',
        username: target().user.username,
        password: target().user.password,
      },
      { authorization: confidentialAuth() },
    );
    expect(answer.status).toBe(400);
    expect(['unauthorized_client', 'unsupported_grant_type']).toContain(answer.json?.error);
  });

  it('[oidcc-server, CheckErrorDescriptionFromTokenEndpointResponseErrorContainsCRLFTAB] a wrong client secret: 401 invalid_client, JSON, Basic challenge', async () => {
    const rp = target().confidential;
    const answer = await postForm(
      op.as.token_endpoint!,
      { grant_type: 'client_credentials' },
      { authorization: basic(rp.clientId, 'nope') },
    );
    expectRfc6749Error(answer, 401, 'invalid_client');
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic\b/i);
  });

  it('[no OIDF module, RFC 6749 §3.2] GET on the token endpoint is refused with a 4xx and no token', async () => {
    const response = await fetch(op.as.token_endpoint!);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  withCapability(variant, 'resourceServer', 'the introspection checks', () => {
    it('[no OIDF module, RFC 7662 §2.1] introspection without credentials gets 401', async () => {
      const answer = await postForm(op.as.introspection_endpoint!, { token: 'x' });
      expect(answer.status).toBe(401);
      expect(answer.json).not.toHaveProperty('active');
    });

    it('[no OIDF module, RFC 7662 §2.1] introspection with a wrong resource-server secret gets 401', async () => {
      const rs = target().resourceServer!;
      const answer = await postForm(
        op.as.introspection_endpoint!,
        { token: 'x' },
        { authorization: basic(rs.id, 'wrong') },
      );
      expect(answer.status).toBe(401);
    });

    it('[no OIDF module, RFC 7662 §2.2] an authenticated resource server sees an issued token as active with scope, client_id, sub, exp', async () => {
      const flow = await codeFlow(op, { extra: { scope: 'openid email' } });
      const rs = target().resourceServer!;
      const answer = await postForm(
        op.as.introspection_endpoint!,
        { token: flow.tokens.access_token },
        { authorization: basic(rs.id, rs.secret) },
      );
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ active: true, sub: flow.idToken.sub });
      expect(String(answer.json!.scope).split(' ')).toEqual(
        expect.arrayContaining(['openid', 'email']),
      );
      expect(answer.json!.client_id).toEqual(expect.any(String));
      expect(answer.json!.exp).toEqual(expect.any(Number));
    });

    it('[no OIDF module, RFC 7662 §2.2] an unknown token is reported as {"active":false} only', async () => {
      const rs = target().resourceServer!;
      const answer = await postForm(
        op.as.introspection_endpoint!,
        { token: 'nope' },
        { authorization: basic(rs.id, rs.secret) },
      );
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ active: false });
    });
  });

  it('[no OIDF module, RFC 7009 §2.1] revocation without client credentials gets 401 invalid_client', async () => {
    const answer = await postForm(op.as.revocation_endpoint!, { token: 'x' });
    expect(answer.status).toBe(401);
    expect(answer.json?.error).toBe('invalid_client');
  });

  it('[no OIDF module, RFC 7009 §2.1] revocation with a wrong secret gets 401 invalid_client', async () => {
    const rp = target().confidential;
    const answer = await postForm(
      op.as.revocation_endpoint!,
      { token: 'x' },
      { authorization: basic(rp.clientId, 'nope') },
    );
    expect(answer.status).toBe(401);
    expect(answer.json?.error).toBe('invalid_client');
  });

  it('[no OIDF module, RFC 7009 §2.2] revoking an unknown token answers 200', async () => {
    const answer = await postForm(
      op.as.revocation_endpoint!,
      { token: 'never-issued' },
      { authorization: confidentialAuth() },
    );
    expect(answer.status).toBe(200);
  });

  it('[no OIDF module, RFC 7009 §2.1] revoking a refresh token also ends its access tokens', async () => {
    const flow = await codeFlow(op, {
      extra: { scope: 'openid offline_access', prompt: 'consent' },
    });
    const answer = await postForm(
      op.as.revocation_endpoint!,
      { token: flow.tokens.refresh_token!, token_type_hint: 'refresh_token' },
      { authorization: confidentialAuth() },
    );
    expect(answer.status).toBe(200);
    const info = await fetch(op.as.userinfo_endpoint!, {
      headers: { authorization: `Bearer ${flow.tokens.access_token}` },
    });
    expect(info.status).toBe(401);
  });
});
