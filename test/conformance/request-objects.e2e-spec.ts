import * as oauth from 'oauth4webapi';
import { UnsecuredJWT } from 'jose';
import {
  authorize,
  basic,
  Browser,
  confidentialClient,
  connect,
  insecure,
  type Op,
  postForm,
  prepare,
} from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/**
 * Request objects and PAR: oidcc-basic-certification-test-plan modules
 * oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported,
 * oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported,
 * oidcc-ensure-request-object-with-redirect-uri; PAR (RFC 9126) modules of the FAPI2 plan:
 * fapi2-security-profile-final-par-attempt-reuse-request_uri,
 * fapi2-security-profile-final-par-attempt-to-use-request_uri-for-different-client,
 * fapi2-security-profile-final-par-authorization-request-containing-request_uri,
 * fapi2-security-profile-final-par-attempt-invalid-http-method,
 * fapi2-security-profile-final-ensure-registered-redirect-uri (PAR variant).
 */
describe.each(variants())('oidcc-basic: request objects and PAR ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  function expectRejected(outcome: Awaited<ReturnType<typeof authorize>>, errors: string[]): void {
    if (outcome.kind === 'redirect') {
      expect(errors).toContain(outcome.params.get('error'));
      expect(outcome.params.has('code')).toBe(false);
    } else {
      expect(outcome.kind).toBe('error');
      if (outcome.kind === 'error') expect(outcome.status).toBe(400);
    }
  }

  async function push(extra: Record<string, string> = {}) {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, rp.redirectUri, extra);
    const response = await oauth.pushedAuthorizationRequest(
      op.as,
      confidentialClient(rp),
      oauth.ClientSecretBasic(rp.clientSecret),
      prepared.params,
      insecure,
    );
    const pushed = await oauth.processPushedAuthorizationResponse(
      op.as,
      confidentialClient(rp),
      response,
    );
    return { prepared, pushed };
  }

  it('[oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported] an unsigned request object is processed or rejected with request_not_supported (OIDC Core §3.1.2.6, §6.1)', async () => {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, rp.redirectUri);
    const requestObject = new UnsecuredJWT({
      ...prepared.params,
      state: 'from-request-object',
    }).encode();
    const outcome = await authorize(op, {
      response_type: 'code',
      client_id: rp.clientId,
      redirect_uri: rp.redirectUri,
      scope: 'openid',
      state: prepared.state,
      request: requestObject,
    });
    if (outcome.kind === 'redirect' && outcome.params.has('code')) {
      expect(outcome.params.get('state')).toBe('from-request-object');
    } else expectRejected(outcome, ['request_not_supported']);
    const processed = outcome.kind === 'redirect' && outcome.params.has('code');
    if (op.metadata.request_parameter_supported === false) expect(processed).toBe(false);
    // oidcc-discovery-endpoint-verification: advertised values match behaviour (gap G3, fixed).
    if (!processed) expect(op.metadata.request_parameter_supported).toBe(false);
  });

  it('[oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported] a request_uri pointing elsewhere is processed or rejected with request_uri_not_supported', async () => {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, rp.redirectUri);
    const { code_challenge: _c, code_challenge_method: _m, ...rest } = prepared.params;
    const outcome = await authorize(op, {
      ...rest,
      request_uri: 'https://client.example.org/request.jwt',
    });
    expectRejected(outcome, [
      'request_uri_not_supported',
      'invalid_request_uri',
      'invalid_request',
    ]);
  });

  it('[oidcc-ensure-request-object-with-redirect-uri] a request object is never silently ignored: its redirect_uri wins or it is rejected', async () => {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, rp.redirectUri);
    const requestObject = new UnsecuredJWT({ ...prepared.params }).encode();
    const outcome = await authorize(op, {
      ...prepared.params,
      redirect_uri: 'https://attacker.example.org/callback',
      request: requestObject,
    });
    if (outcome.kind === 'redirect') {
      expect(outcome.location.origin).not.toBe('https://attacker.example.org');
    }
  });

  it('[fapi2-security-profile-final-happy-flow, PAR leg] PAR answers 201 with a request_uri URN and expires_in; the pushed request completes (RFC 9126 §2.2)', async () => {
    const { prepared, pushed } = await push();
    expect(pushed.request_uri).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(pushed.expires_in).toBeGreaterThan(0);
    const rp = target().confidential;
    const outcome = await authorize(op, {
      client_id: rp.clientId,
      request_uri: pushed.request_uri,
    });
    const callback = oauth.validateAuthResponse(
      op.as,
      confidentialClient(rp),
      outcome.kind === 'redirect' ? outcome.params : new URLSearchParams(),
      prepared.state,
    );
    expect(callback.get('code')).toEqual(expect.any(String));
  });

  it('[fapi2-security-profile-final-par-attempt-reuse-request_uri] a request_uri used once is refused the second time', async () => {
    const { pushed } = await push();
    const rp = target().confidential;
    const first = await authorize(op, { client_id: rp.clientId, request_uri: pushed.request_uri });
    expect(first.kind).toBe('redirect');
    const second = await authorize(op, { client_id: rp.clientId, request_uri: pushed.request_uri });
    expectRejected(second, ['invalid_request_uri', 'invalid_request']);
  });

  withCapability(variant, 'publicClient', 'the PAR client-binding check', () => {
    it('[fapi2-security-profile-final-par-attempt-to-use-request_uri-for-different-client] a request_uri is bound to the client that pushed it', async () => {
      const { pushed } = await push();
      const outcome = await authorize(
        op,
        { client_id: target().publicClient!.clientId, request_uri: pushed.request_uri },
        { browser: new Browser(target().issuer) },
      );
      expectRejected(outcome, ['invalid_request_uri', 'invalid_request', 'invalid_client']);
    });
  });

  it('[fapi2-security-profile-final-par-authorization-request-containing-request_uri] a pushed request containing request_uri is rejected with 400', async () => {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, rp.redirectUri, {
      request_uri: 'urn:ietf:params:oauth:request_uri:abc',
    });
    const response = await postForm(op.as.pushed_authorization_request_endpoint!, prepared.params, {
      authorization: basic(rp.clientId, rp.clientSecret),
    });
    expect(response.status).toBe(400);
    expect(response.json?.error).toBe('invalid_request');
  });

  it('[fapi2-security-profile-final-happy-flow, EnsurePARInvalidClientOrInvalidRequestError] PAR requires client authentication: a wrong secret gets 401 invalid_client (RFC 9126 §2.1)', async () => {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, rp.redirectUri);
    const response = await postForm(op.as.pushed_authorization_request_endpoint!, prepared.params, {
      authorization: basic(rp.clientId, 'wrong-secret'),
    });
    expect(response.status).toBe(401);
    expect(response.json?.error).toBe('invalid_client');
  });

  it('[fapi2-security-profile-final-ensure-registered-redirect-uri, PAR variant] a pushed request with an unregistered redirect_uri is rejected at the PAR endpoint (RFC 9126 §2.1)', async () => {
    const rp = target().confidential;
    const prepared = await prepare(rp.clientId, 'https://attacker.example.org/cb');
    const response = await postForm(op.as.pushed_authorization_request_endpoint!, prepared.params, {
      authorization: basic(rp.clientId, rp.clientSecret),
    });
    expect(response.status).toBe(400);
    expect(response.json?.error).toBe('invalid_request');
  });

  it('[fapi2-security-profile-final-par-attempt-invalid-http-method] GET on the PAR endpoint is refused with a 4xx, never a request_uri (EnsureParHTTPError)', async () => {
    const response = await fetch(op.as.pushed_authorization_request_endpoint!);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toContain('request_uri');
  });
});
