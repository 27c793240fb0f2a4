import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { authorizeAs, pkce } from '../authorization/support/flow';
import { type Answer, introspect, ISSUER, TOKEN_EXCHANGE } from '../grants/grant-helpers';

const NATIVE = { clientId: 'demo-native', redirectUri: 'com.example.demo:/callback' };

/** A public client's token request (client_id in the body, RFC 6749 §2.3). */
async function tokenRequest(app: TestApp, params: Record<string, string>): Promise<Answer> {
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

describe('RP-Initiated Logout ends the Native SSO session (Native SSO 1.0 §5) on the embedded engine', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ AUTHLETE_BASE_URL: undefined });
  });
  afterAll(() => app.close());

  it('after logout the device secret is refused and the tokens of the session are inactive', async () => {
    const browser = new Browser(app.url);
    const { verifier, challenge } = pkce();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: NATIVE.clientId,
      redirect_uri: NATIVE.redirectUri,
      scope: 'openid device_sso offline_access',
      nonce: 'n',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const { params } = await authorizeAs(browser, `/api/authorization?${query.toString()}`);
    const first = await tokenRequest(app, {
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: NATIVE.redirectUri,
      code_verifier: verifier,
      client_id: NATIVE.clientId,
    });
    expect(first.status).toBe(200);
    const idToken = first.json.id_token as string;
    const deviceSecret = first.json.device_secret as string;
    const exchange = () =>
      tokenRequest(app, {
        grant_type: TOKEN_EXCHANGE,
        client_id: 'demo-native-2',
        subject_token: idToken,
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
        actor_token: deviceSecret,
        actor_token_type: 'urn:openid:params:token-type:device-secret',
        audience: ISSUER,
        scope: 'openid',
      });
    expect((await exchange()).status).toBe(200);
    expect(await introspect(app.url, first.json.access_token as string)).toMatchObject({
      active: true,
    });

    const signedOut = await browser.get(
      `/api/logout?${new URLSearchParams({ id_token_hint: idToken }).toString()}`,
    );
    expect(signedOut.status).toBe(200);
    expect(await signedOut.text()).toContain('You have signed out');

    const refused = await exchange();
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('invalid_grant');
    expect(await introspect(app.url, first.json.access_token as string)).toEqual({
      active: false,
    });
    const refresh = await tokenRequest(app, {
      grant_type: 'refresh_token',
      refresh_token: first.json.refresh_token as string,
      client_id: NATIVE.clientId,
    });
    expect(refresh.status).toBe(400);
    expect(refresh.json.error).toBe('invalid_grant');
  });
});
