import * as client from 'openid-client';
import * as oauth from 'oauth4webapi';
import { errors, jwtVerify, createRemoteJWKSet } from 'jose';
import { expectValidIdTokenClaims, leftHalfHash, peek } from './support/jwt-checks';
import {
  authorize,
  callbackParams,
  codeFlow,
  connect,
  type Op,
  prepare,
  verifyWithJwks,
} from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/**
 * Plan oidcc-basic-certification-test-plan: oidcc-server (ID token checks), oidcc-idtoken-signature,
 * oidcc-idtoken-unsigned; plan oidcc-hybrid-certification-test-plan: oidcc-server with
 * response_type "code id_token" (c_hash); oidcc-max-age-10000 (auth_time with max_age);
 * require_auth_time client metadata (OIDC Registration §2).
 */
describe.each(
  variants({
    clients: [
      {
        clientId: 17201083169910,
        clientIdAlias: 'conformance-auth-time',
        clientSecret: 'conformance-auth-time-secret',
        clientType: 'CONFIDENTIAL',
        redirectUris: ['http://localhost:3000/callback'],
        grantTypes: ['AUTHORIZATION_CODE'],
        responseTypes: ['CODE'],
        tokenAuthMethod: 'CLIENT_SECRET_BASIC',
        authTimeRequired: true,
      },
    ],
  }),
)('oidcc-basic: ID token ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  it('[oidcc-server] completes the code flow with openid-client; ID token iss, aud, azp, exp, iat, nonce valid', async () => {
    const rp = target().confidential;
    const config = await client.discovery(
      new URL(target().issuer),
      rp.clientId,
      rp.clientSecret,
      client.ClientSecretBasic(rp.clientSecret),
      { execute: [client.allowInsecureRequests] },
    );
    const request = await prepare(rp.clientId, rp.redirectUri);
    const url = client.buildAuthorizationUrl(config, request.params);
    const outcome = await op.browser.authorize(`${url.origin}${url.pathname}`, url.searchParams, {
      user: target().user,
    });
    if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.kind}`);
    const tokens = await client.authorizationCodeGrant(config, outcome.location, {
      pkceCodeVerifier: request.verifier,
      expectedNonce: request.nonce,
      expectedState: request.state,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    expectValidIdTokenClaims(claims, {
      issuer: target().issuer,
      clientId: rp.clientId,
      nonce: request.nonce,
    });
    if (target().user.subject) expect(claims.sub).toBe(target().user.subject);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
  });

  it('[oidcc-idtoken-signature] ID token is signed with RS256 by default and verifies against the JWKS by kid', async () => {
    const { tokens } = await codeFlow(op);
    const jwt = tokens.id_token!;
    const { alg, kid, payload } = await verifyWithJwks(op, jwt);
    expect(alg).toBe('RS256');
    const { keys } = (await (await fetch(op.as.jwks_uri!)).json()) as { keys: { kid?: string }[] };
    if (keys.length > 1) expect(keys.map((key) => key.kid)).toContain(kid);
    expect([payload.aud].flat()).toContain(target().confidential.clientId);
  });

  it('[oidcc-idtoken-unsigned] never issues an unsigned ID token; jose refuses alg none', async () => {
    const { tokens } = await codeFlow(op);
    const { header } = peek(tokens.id_token!);
    expect(header.alg).not.toBe('none');
    expect(tokens.id_token!.split('.')[2]!.length).toBeGreaterThan(0);
    const [, body] = tokens.id_token!.split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    await expect(
      jwtVerify(unsigned, createRemoteJWKSet(new URL(op.as.jwks_uri!))),
    ).rejects.toBeInstanceOf(errors.JOSEError);
  });

  it('[oidcc-server] ID token from the token endpoint carries a correct at_hash (OIDC Core §3.1.3.6, ValidateAtHash)', async () => {
    const { tokens } = await codeFlow(op);
    const { header, claims } = peek(tokens.id_token!);
    if (variant.local) expect(claims.at_hash).toBeDefined();
    if (claims.at_hash !== undefined) {
      expect(claims.at_hash).toBe(leftHalfHash(tokens.access_token, header.alg!));
    }
  });

  it('[oidcc-server] the token response is no-store JSON with token_type Bearer and expires_in (OIDC Core §3.1.3.3)', async () => {
    const { tokens } = await codeFlow(op);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(typeof tokens.expires_in).toBe('number');
    expect(tokens.expires_in!).toBeGreaterThan(0);
  });

  withCapability(variant, 'hybrid', 'the hybrid c_hash check', () => {
    it('[oidcc-server, hybrid plan, code id_token] front-channel ID token has a valid c_hash and nonce (ValidateCHash); oauth4webapi validateCodeIdTokenResponse accepts it', async () => {
      const rp = target().confidential;
      const request = await prepare(rp.clientId, rp.redirectUri, {
        response_type: 'code id_token',
      });
      const outcome = await authorize(op, request.params);
      if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.kind}`);
      expect(outcome.mode).toBe('fragment');
      const params = callbackParams(outcome);
      const idToken = params.get('id_token')!;
      const { header, claims } = peek(idToken);
      expect(header.alg).not.toBe('none');
      expect(claims.c_hash).toBe(leftHalfHash(params.get('code')!, header.alg!));
      expectValidIdTokenClaims(claims, {
        issuer: target().issuer,
        clientId: rp.clientId,
        nonce: request.nonce,
      });
      await verifyWithJwks(op, idToken);
      const fragmentUrl = new URL(rp.redirectUri);
      fragmentUrl.hash = params.toString();
      const validated = await oauth.validateCodeIdTokenResponse(
        op.as,
        { client_id: rp.clientId },
        fragmentUrl,
        request.nonce,
        request.state,
        undefined,
        { [oauth.allowInsecureRequests]: true },
      );
      expect(validated.get('code')).toBe(params.get('code'));
    });
  });

  it('[oidcc-max-age-10000] max_age makes auth_time present and consistent (CheckIdTokenAuthTimeClaimPresentDueToMaxAge)', async () => {
    const first = await codeFlow(op, { extra: { max_age: '15000' }, maxAge: 15000 });
    expect(typeof first.idToken.auth_time).toBe('number');
    const second = await codeFlow(op, { extra: { max_age: '10000' }, maxAge: 10000 });
    expect(second.outcome.pages.filter((page) => page.kind === 'login')).toHaveLength(0);
    expect(second.idToken.auth_time).toBe(first.idToken.auth_time);
    expect(second.idToken.sub).toBe(first.idToken.sub);
  });

  withCapability(variant, 'engineConfig', 'the require_auth_time check', () => {
    it('[oidcc-server, require_auth_time] a client registered with require_auth_time gets auth_time (OIDC Registration §2, ValidateRequireAuthTime)', async () => {
      const request = await prepare('conformance-auth-time', 'http://localhost:3000/callback');
      const outcome = await authorize(op, request.params);
      const rp: oauth.Client = { client_id: 'conformance-auth-time' };
      const callback = oauth.validateAuthResponse(
        op.as,
        rp,
        callbackParams(outcome),
        request.state,
      );
      const response = await oauth.authorizationCodeGrantRequest(
        op.as,
        rp,
        oauth.ClientSecretBasic('conformance-auth-time-secret'),
        callback,
        'http://localhost:3000/callback',
        request.verifier,
        { [oauth.allowInsecureRequests]: true },
      );
      const tokens = await oauth.processAuthorizationCodeResponse(op.as, rp, response, {
        expectedNonce: request.nonce,
        requireIdToken: true,
      });
      const auth = oauth.getValidatedIdTokenClaims(tokens)!.auth_time;
      expect(typeof auth).toBe('number');
      expect(auth!).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 5);
    });
  });
});
