import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, importJWK, jwtVerify, type JWK } from 'jose';
import * as client from 'openid-client';
import { Browser } from '../../support/browser';
import { authorizeAs } from '../authorization/support/flow';
import { startJourneyApp, type JourneyApp } from './journey-app';

const REDIRECT = 'http://localhost:3000/callback';
const insecure = { execute: [client.allowInsecureRequests] };

async function introspect(issuer: string, token: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${issuer}/api/introspection`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('demo-rs:demo-rs-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token }).toString(),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('engine journey with openid-client: discovery → code + PKCE → tokens → userinfo → introspection → refresh → revocation', () => {
  let app: JourneyApp;
  let config: client.Configuration;
  beforeAll(async () => {
    app = await startJourneyApp();
    config = await client.discovery(
      new URL(app.issuer),
      'demo-web',
      undefined,
      client.ClientSecretBasic('demo-web-secret'),
      insecure,
    );
  });
  afterAll(async () => {
    await app.close();
  });

  it('runs the whole lifecycle of a code grant for alice', async () => {
    expect(config.serverMetadata().issuer).toBe(app.issuer);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const browser = new Browser(app.issuer);
    const { params, pages } = await authorizeAs(browser, `${url.pathname}${url.search}`);
    expect(pages).toEqual(['login', 'consent']);
    expect(params.get('iss')).toBe(app.issuer);
    const callback = new URL(`${REDIRECT}?${params.toString()}`);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.id_token ?? '';
    const { payload, protectedHeader } = await jwtVerify(
      idToken,
      createRemoteJWKSet(new URL(`${app.issuer}/api/jwks`)),
      {
        issuer: app.issuer,
        audience: 'demo-web',
      },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.sub).toBe('1001');
    expect(payload.nonce).toBe(nonce);

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, '1001');
    expect(userinfo).toMatchObject({
      sub: '1001',
      name: 'Alice Adams',
      email: 'alice@example.com',
      email_verified: true,
    });

    const active = await introspect(app.issuer, tokens.access_token);
    expect(active).toMatchObject({ active: true, sub: '1001', client_id: 'demo-web' });

    const oldRefresh = tokens.refresh_token ?? '';
    const refreshed = await client.refreshTokenGrant(config, oldRefresh);
    expect(refreshed.refresh_token).toBeDefined();
    expect(refreshed.refresh_token).not.toBe(oldRefresh);
    await expect(client.refreshTokenGrant(config, oldRefresh)).rejects.toMatchObject({
      error: 'invalid_grant',
    });

    const fresh = await client
      .refreshTokenGrant(config, refreshed.refresh_token ?? '')
      .catch(() => undefined);
    expect(fresh).toBeUndefined(); // reuse of a rotated token revoked the whole grant

    const again = await authorizeAs(browser, `${url.pathname}${url.search}`);
    expect(again.pages).toEqual([]); // session and consent remembered
    const second = await client.authorizationCodeGrant(
      config,
      new URL(`${REDIRECT}?${again.params.toString()}`),
      {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
      },
    );
    await client.tokenRevocation(config, second.access_token);
    expect(await introspect(app.issuer, second.access_token)).toEqual({ active: false });
  });

  it('issues client_credentials tokens', async () => {
    const service = await client.discovery(
      new URL(app.issuer),
      'demo-service',
      undefined,
      client.ClientSecretBasic('demo-service-secret'),
      insecure,
    );
    const tokens = await client.clientCredentialsGrant(service, { scope: 'read' });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(await introspect(app.issuer, tokens.access_token)).toMatchObject({
      active: true,
      client_id: 'demo-service',
    });
  });

  it('issues tokens for the password grant through the UserAuthenticator port', async () => {
    const legacy = await client.discovery(
      new URL(app.issuer),
      'demo-legacy',
      undefined,
      client.ClientSecretBasic('demo-legacy-secret'),
      insecure,
    );
    const tokens = await client.genericGrantRequest(legacy, 'password', {
      username: 'bob',
      password: 'bob-password',
      scope: 'openid',
    });
    expect(await introspect(app.issuer, tokens.access_token)).toMatchObject({
      active: true,
      sub: '1002',
    });
    await expect(
      client.genericGrantRequest(legacy, 'password', {
        username: 'bob',
        password: 'wrong',
        scope: 'openid',
      }),
    ).rejects.toMatchObject({ error: 'invalid_request' });
  });

  it('authenticates demo-jwt with private_key_jwt', async () => {
    const jwk = JSON.parse(readFileSync('config/demo-jwt-client.private.jwk.json', 'utf8')) as JWK;
    const key = (await importJWK(jwk, 'ES256')) as client.CryptoKey;
    const jwtClient = await client.discovery(
      new URL(app.issuer),
      'demo-jwt',
      undefined,
      client.PrivateKeyJwt({ key, kid: jwk.kid }),
      insecure,
    );
    const tokens = await client.clientCredentialsGrant(jwtClient, { scope: 'read' });
    expect(await introspect(app.issuer, tokens.access_token)).toMatchObject({
      active: true,
      client_id: 'demo-jwt',
    });
  });
});
