import * as oauth from 'oauth4webapi';
import { peek } from './support/jwt-checks';
import {
  authorize,
  Browser,
  callbackParams,
  codeFlow,
  confidentialClient,
  connect,
  insecure,
  type Op,
  prepare,
} from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/**
 * Authorization responses: oidcc-basic-certification-test-plan modules oidcc-server (code, state,
 * RFC 9207 iss), oidcc-response-type-missing, oidcc-ensure-request-without-nonce-succeeds-for-code-flow,
 * oidcc-ensure-request-with-unknown-parameter-succeeds, oidcc-ensure-post-request-succeeds,
 * oidcc-ensure-request-with-acr-values-succeeds, oidcc-ensure-request-with-valid-pkce-succeeds,
 * oidcc-server-client-secret-post, oidcc-alternate-happy-flow; plan
 * oidcc-formpost-basic-certification-test-plan (response_mode=form_post); plan
 * oidcc-implicit-certification-test-plan module oidcc-ensure-request-without-nonce-fails.
 */
describe.each(variants())('oidcc-basic: authorization responses ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  it('[oidcc-server] response_type=code redirects to the redirect_uri with code and state in the query (OIDC Core §3.1.2.5)', async () => {
    const rp = target().confidential;
    const request = await prepare(rp.clientId, rp.redirectUri);
    const outcome = await authorize(op, request.params);
    if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.kind}`);
    expect(outcome.mode).toBe('query');
    expect(`${outcome.location.origin}${outcome.location.pathname}`).toBe(rp.redirectUri);
    expect(outcome.params.get('code')).toEqual(expect.any(String));
    expect(outcome.params.get('state')).toBe(request.state);
    expect(outcome.params.has('id_token')).toBe(false);
    expect(outcome.params.has('access_token')).toBe(false);
  });

  it('[oidcc-server] the authorization response carries iss equal to the issuer and it is advertised (RFC 9207 §2, RequireIssInAuthorizationResponse)', async () => {
    const rp = target().confidential;
    const request = await prepare(rp.clientId, rp.redirectUri);
    const params = callbackParams(await authorize(op, request.params));
    expect(op.metadata.authorization_response_iss_parameter_supported).toBe(true);
    expect(params.get('iss')).toBe(target().issuer);
    const validated = oauth.validateAuthResponse(
      op.as,
      confidentialClient(rp),
      params,
      request.state,
    );
    expect(validated.get('code')).toBe(params.get('code'));
  });

  it('[oidcc-server] state is echoed exactly, including characters that need encoding (VerifyState)', async () => {
    const rp = target().confidential;
    const state = 'st a+te/?&=é';
    const request = await prepare(rp.clientId, rp.redirectUri, { state });
    const params = callbackParams(await authorize(op, request.params));
    expect(params.get('state')).toBe(state);
  });

  it('[oidcc-server] an error redirect also carries state and iss (OIDC Core §3.1.2.6, RFC 9207 §2)', async () => {
    const rp = target().confidential;
    const request = await prepare(rp.clientId, rp.redirectUri);
    const browser = new Browser(target().issuer);
    const params = callbackParams(
      await authorize(op, request.params, { decision: 'deny', browser }),
    );
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe(request.state);
    expect(params.get('iss')).toBe(target().issuer);
    expect(() =>
      oauth.validateAuthResponse(op.as, confidentialClient(rp), params, request.state),
    ).toThrow(oauth.AuthorizationResponseError);
  });

  it('[oidcc-server, form_post plan] response_mode=form_post answers an auto-submitting form to the redirect_uri with code, state and iss (OAuth 2.0 Form Post Response Mode §2)', async () => {
    const rp = target().confidential;
    const request = await prepare(rp.clientId, rp.redirectUri, { response_mode: 'form_post' });
    const outcome = await authorize(op, request.params);
    if (outcome.kind !== 'form_post') throw new Error(`expected form_post, got ${outcome.kind}`);
    expect(outcome.action).toBe(rp.redirectUri);
    expect(outcome.params.get('state')).toBe(request.state);
    expect(outcome.params.get('iss')).toBe(target().issuer);
    const validated = oauth.validateAuthResponse(
      op.as,
      confidentialClient(rp),
      outcome.params,
      request.state,
    );
    expect(validated.get('code')).toEqual(expect.any(String));
  });

  it('[oidcc-server, form_post plan] the form_post code redeems for tokens', async () => {
    const result = await codeFlow(op, { extra: { response_mode: 'form_post' } });
    expect(result.outcome.kind).toBe('form_post');
    expect(result.tokens.access_token).toEqual(expect.any(String));
  });

  it('[oidcc-server-client-secret-post] the code flow works with client_secret_post', async () => {
    const { tokens, idToken } = await codeFlow(op, { auth: 'post' });
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(idToken.aud).toEqual(expect.anything());
  });

  it('[oidcc-response-type-missing] a request without response_type gets invalid_request or unsupported_response_type, never a code', async () => {
    const rp = target().confidential;
    const request = await prepare(rp.clientId, rp.redirectUri);
    const { response_type: _omitted, ...params } = request.params;
    const outcome = await authorize(op, params);
    if (outcome.kind === 'redirect') {
      expect(['invalid_request', 'unsupported_response_type']).toContain(
        outcome.params.get('error'),
      );
      expect(outcome.params.has('code')).toBe(false);
    } else {
      expect(outcome.kind).toBe('error');
      if (outcome.kind === 'error') expect(outcome.status).toBe(400);
    }
  });

  it('[oidcc-ensure-request-without-nonce-succeeds-for-code-flow] code flow without nonce succeeds', async () => {
    const rp = target().confidential;
    const request = await prepare(rp.clientId, rp.redirectUri);
    const { nonce: _omitted, ...params } = request.params;
    const callback = callbackParams(await authorize(op, params));
    expect(callback.get('code')).toEqual(expect.any(String));
  });

  withCapability(variant, 'hybrid', 'the implicit no-nonce check', () => {
    it('[oidcc-ensure-request-without-nonce-fails, implicit plan] response_type=id_token without nonce is rejected with invalid_request (OIDC Core §3.2.2.1)', async () => {
      const rp = target().confidential;
      const request = await prepare(rp.clientId, rp.redirectUri, { response_type: 'id_token' });
      const {
        nonce: _omitted,
        code_challenge: _c,
        code_challenge_method: _m,
        ...params
      } = request.params;
      const outcome = await authorize(op, params);
      if (outcome.kind === 'redirect') {
        expect(outcome.params.get('error')).toBe('invalid_request');
        expect(outcome.params.has('id_token')).toBe(false);
      } else expect(outcome.kind).toBe('error');
    });

    it('[oidcc-server, implicit plan, id_token] response_type=id_token returns a signed ID token in the fragment with the nonce', async () => {
      const rp = target().confidential;
      const request = await prepare(rp.clientId, rp.redirectUri, { response_type: 'id_token' });
      const { code_challenge: _c, code_challenge_method: _m, ...params } = request.params;
      const outcome = await authorize(op, params);
      if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.kind}`);
      expect(outcome.mode).toBe('fragment');
      const { header, claims } = peek(outcome.params.get('id_token')!);
      expect(header.alg).not.toBe('none');
      expect(claims.nonce).toBe(request.nonce);
      expect(outcome.params.has('code')).toBe(false);
    });
  });

  it('[oidcc-ensure-request-with-unknown-parameter-succeeds] an unknown parameter is ignored (RFC 6749 §3.1)', async () => {
    const result = await codeFlow(op, { extra: { extra: 'foobar' } });
    expect(result.tokens.access_token).toEqual(expect.any(String));
  });

  it('[oidcc-ensure-post-request-succeeds] the authorization request may be sent as a form POST (OIDC Core §3.1.2.1)', async () => {
    const result = await codeFlow(op, { method: 'POST' });
    expect(result.callback.get('code')).toEqual(expect.any(String));
  });

  it('[oidcc-ensure-request-with-acr-values-succeeds] acr_values with advertised values succeeds; acr is one of them', async () => {
    const acrs = (op.metadata.acr_values_supported as string[] | undefined) ?? ['1', '2'];
    const result = await codeFlow(op, { extra: { acr_values: acrs.join(' ') } });
    if (result.idToken.acr !== undefined) expect(acrs).toContain(result.idToken.acr);
  });

  it('[oidcc-ensure-request-with-valid-pkce-succeeds] a valid S256 PKCE request succeeds (RFC 7636)', async () => {
    const result = await codeFlow(op);
    expect(result.request.params.code_challenge_method).toBe('S256');
    expect(result.tokens.access_token).toEqual(expect.any(String));
  });

  it('[oidcc-alternate-happy-flow] scopes reversed and parameters in another order succeed (RFC 6749 §3.3)', async () => {
    const rp = target().confidential;
    const request = await prepare(rp.clientId, rp.redirectUri, { scope: 'email openid' });
    const reversed = new URLSearchParams(Object.entries(request.params).reverse());
    const outcome = await op.browser.authorize(op.as.authorization_endpoint!, reversed, {
      user: target().user,
    });
    const callback = oauth.validateAuthResponse(
      op.as,
      confidentialClient(rp),
      callbackParams(outcome),
      request.state,
    );
    const response = await oauth.authorizationCodeGrantRequest(
      op.as,
      confidentialClient(rp),
      oauth.ClientSecretBasic(rp.clientSecret),
      callback,
      rp.redirectUri,
      request.verifier,
      insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(
      op.as,
      confidentialClient(rp),
      response,
      {
        expectedNonce: request.nonce,
        requireIdToken: true,
      },
    );
    expect(tokens.scope?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
  });
});
