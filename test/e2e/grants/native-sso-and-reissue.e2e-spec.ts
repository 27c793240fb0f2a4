import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { authorizeAs, DEMO_WEB, pkce } from '../authorization/support/flow';
import { type Answer, ISSUER, postForm, TOKEN_EXCHANGE } from './grant-helpers';

const ANY_STRING: unknown = expect.any(String);

const DEVICE_SECRET_TYPE = 'urn:openid:params:token-type:device-secret';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';

/** A public client's token request (client_id in the body, RFC 6749 §2.3). */
async function publicTokenRequest(app: TestApp, params: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${app.url}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

/** Logs alice in through the pages and redeems the code for `client`. */
async function codeFlow(
  app: TestApp,
  client: { clientId: string; redirectUri: string; secret?: string },
  scope: string,
): Promise<Answer> {
  const { verifier, challenge } = pkce();
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope,
    state: 'st',
    nonce: 'n-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    prompt: 'consent',
  });
  const { params } = await authorizeAs(
    new Browser(app.url),
    `/api/authorization?${query.toString()}`,
  );
  const code = params.get('code') ?? '';
  const body = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: client.redirectUri,
    code_verifier: verifier,
  };
  if (client.secret === undefined) {
    return publicTokenRequest(app, { ...body, client_id: client.clientId });
  }
  return postForm(`${app.url}/api/token`, body, { id: client.clientId, secret: client.secret });
}

describe('ID token reissue and Native SSO end to end on the embedded engine', () => {
  let app: TestApp;
  let keys: ReturnType<typeof createRemoteJWKSet>;
  beforeAll(async () => {
    app = await startTestApp({});
    keys = createRemoteJWKSet(new URL(`${app.url}/api/jwks`));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refresh answers with a reissued ID token (ID_TOKEN_REISSUABLE → /idtoken/reissue; OIDC Core §12.2)', async () => {
    const first = await codeFlow(
      app,
      { clientId: DEMO_WEB.clientId, redirectUri: DEMO_WEB.redirectUri, secret: DEMO_WEB.secret },
      'openid profile offline_access',
    );
    expect(first.status).toBe(200);
    const original = (await jwtVerify(first.json.id_token as string, keys, { issuer: ISSUER }))
      .payload;
    const refreshed = await postForm(
      `${app.url}/api/token`,
      { grant_type: 'refresh_token', refresh_token: first.json.refresh_token as string },
      { id: DEMO_WEB.clientId, secret: DEMO_WEB.secret },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
    expect(refreshed.json).toMatchObject({
      access_token: ANY_STRING,
      refresh_token: ANY_STRING,
      token_type: 'Bearer',
      id_token: ANY_STRING,
    });
    const { payload } = await jwtVerify(refreshed.json.id_token as string, keys, {
      issuer: ISSUER,
      audience: DEMO_WEB.clientId,
    });
    expect(payload.sub).toBe(original.sub);
    expect(payload.auth_time).toBe(original.auth_time);
    expect(payload.nonce).toBeUndefined();
    expect(payload.name).toEqual(ANY_STRING);
    const atHash = createHash('sha256')
      .update(refreshed.json.access_token as string)
      .digest();
    expect(payload.at_hash).toBe(atHash.subarray(0, 16).toString('base64url'));
  });

  it('Native SSO: the first app gets a device secret and an ID token with sid and ds_hash; the second app exchanges them for its own tokens', async () => {
    const first = await codeFlow(
      app,
      { clientId: 'demo-native', redirectUri: 'com.example.demo:/callback' },
      'openid profile device_sso offline_access',
    );
    expect(first.status).toBe(200);
    const deviceSecret = first.json.device_secret as string;
    expect(deviceSecret).toEqual(ANY_STRING);
    const { payload } = await jwtVerify(first.json.id_token as string, keys, {
      issuer: ISSUER,
      audience: 'demo-native',
    });
    expect(payload.nonce).toBe('n-1');
    expect(payload.sid).toEqual(ANY_STRING);
    expect(payload.ds_hash).toBe(createHash('sha256').update(deviceSecret).digest('base64url'));

    const exchange = (actorToken: string) =>
      publicTokenRequest(app, {
        grant_type: TOKEN_EXCHANGE,
        client_id: 'demo-native-2',
        subject_token: first.json.id_token as string,
        subject_token_type: ID_TOKEN_TYPE,
        actor_token: actorToken,
        actor_token_type: DEVICE_SECRET_TYPE,
        audience: ISSUER,
        scope: 'openid profile',
      });
    const second = await exchange(deviceSecret);
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({
      access_token: ANY_STRING,
      token_type: 'Bearer',
      id_token: ANY_STRING,
      device_secret: deviceSecret,
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    });
    const secondId = await jwtVerify(second.json.id_token as string, keys, {
      issuer: ISSUER,
      audience: 'demo-native-2',
    });
    expect(secondId.payload.sub).toBe(payload.sub);
    expect(secondId.payload.sid).toBe(payload.sid);

    const forged = await exchange('not-the-device-secret');
    expect({ status: forged.status, error: forged.json.error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
  });

  it('Native SSO refresh keeps the device secret and returns a new ID token bound to it', async () => {
    const first = await codeFlow(
      app,
      { clientId: 'demo-native', redirectUri: 'com.example.demo:/callback' },
      'openid device_sso offline_access',
    );
    const refreshed = await publicTokenRequest(app, {
      grant_type: 'refresh_token',
      client_id: 'demo-native',
      refresh_token: first.json.refresh_token as string,
      device_secret: first.json.device_secret as string,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.device_secret).toBe(first.json.device_secret);
    const { payload } = await jwtVerify(refreshed.json.id_token as string, keys, {
      issuer: ISSUER,
    });
    expect(payload.ds_hash).toBe(
      createHash('sha256')
        .update(first.json.device_secret as string)
        .digest('base64url'),
    );
  });
});
