import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { Browser } from '../../support/browser';
import { authorizeAs, pkce } from '../authorization/support/flow';
import { startTestApp, type TestApp } from '../../support/test-app';
import { type LogoutReceiver, startLogoutReceiver } from './rp-receiver';

const REDIRECT = 'http://localhost:3001/cb';
const AFTER_LOGOUT = 'http://localhost:3001/bye';

interface Rp {
  clientId: string;
  secret: string;
}

describe('RP-Initiated and Back-Channel Logout on the embedded engine', () => {
  let app: TestApp;
  let receiver: LogoutReceiver;
  let hung: LogoutReceiver;
  beforeAll(async () => {
    receiver = await startLogoutReceiver();
    hung = await startLogoutReceiver();
    hung.hang(true);
    app = await startTestApp({
      AUTHLETE_BASE_URL: undefined,
      LOGOUT_BACKCHANNEL_DEADLINE_MS: '700',
      LOGOUT_BACKCHANNEL_TIMEOUT_MS: '3000',
      LOGOUT_BACKCHANNEL_ATTEMPTS: '1',
    });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
    await hung.close();
  });

  async function registerRp(backchannelUri?: string): Promise<Rp> {
    const response = await fetch(`${app.url}/api/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        redirect_uris: [REDIRECT],
        post_logout_redirect_uris: [AFTER_LOGOUT],
        ...(backchannelUri === undefined
          ? {}
          : { backchannel_logout_uri: backchannelUri, backchannel_logout_session_required: true }),
      }),
    });
    const body = (await response.json()) as { client_id: string; client_secret: string };
    return { clientId: body.client_id, secret: body.client_secret };
  }

  /** Signs in through the RP's code flow and returns its ID token. */
  async function signIn(browser: Browser, rp: Rp): Promise<string> {
    const { verifier, challenge } = pkce();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: rp.clientId,
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      nonce: 'n',
    });
    const { params } = await authorizeAs(browser, `/api/authorization?${query.toString()}`);
    const token = await fetch(`${app.url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${rp.clientId}:${rp.secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code')!,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }).toString(),
    });
    return ((await token.json()) as { id_token: string }).id_token;
  }

  const logoutPath = (params: Record<string, string>) =>
    `/api/logout?${new URLSearchParams(params).toString()}`;

  it('a valid id_token_hint and a registered URI: signed out, redirected with state, the RP gets a verifiable logout token', async () => {
    const rp = await registerRp(receiver.url);
    const other = await registerRp();
    const browser = new Browser(app.url);
    const idToken = await signIn(browser, rp);
    await signIn(browser, other);
    const { payload: idClaims } = await jwtVerify(
      idToken,
      createRemoteJWKSet(new URL(`${app.url}/api/jwks`)),
    );
    expect(idClaims.sid).toEqual(expect.any(String));

    const response = await browser.get(
      logoutPath({
        id_token_hint: idToken,
        post_logout_redirect_uri: AFTER_LOGOUT,
        state: 'af0ifjsldkj',
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${AFTER_LOGOUT}?state=af0ifjsldkj`);
    expect(browser.cookies.size).toBe(0);

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery!.contentType).toBe('application/x-www-form-urlencoded');
    const logoutToken = delivery!.logoutToken!;
    expect(decodeProtectedHeader(logoutToken).typ).toBe('logout+jwt');
    const { payload } = await jwtVerify(
      logoutToken,
      createRemoteJWKSet(new URL(`${app.url}/api/jwks`)),
      { issuer: 'http://localhost:8080', audience: rp.clientId },
    );
    expect(payload).toMatchObject({
      sub: idClaims.sub,
      sid: idClaims.sid,
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });
    expect(payload.iat).toEqual(expect.any(Number));
    expect(payload.jti).toEqual(expect.any(String));
    expect(payload).not.toHaveProperty('nonce');

    const silent = await browser.get(
      `/api/authorization?${new URLSearchParams({ response_type: 'code', client_id: rp.clientId, redirect_uri: REDIRECT, scope: 'openid', prompt: 'none', code_challenge: pkce().challenge, code_challenge_method: 'S256' }).toString()}`,
    );
    expect(new URL(silent.headers.get('location')!).searchParams.get('error')).toBe(
      'login_required',
    );
  });

  it('an unregistered post_logout_redirect_uri never gets a redirect, and the session stays', async () => {
    const rp = await registerRp();
    const browser = new Browser(app.url);
    const idToken = await signIn(browser, rp);
    for (const uri of [
      'https://evil.example/steal',
      `${AFTER_LOGOUT}?x=1`,
      'javascript:alert(1)',
    ]) {
      const response = await browser.get(
        logoutPath({ id_token_hint: idToken, post_logout_redirect_uri: uri, state: 's' }),
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('not registered');
    }
    expect(browser.cookies.size).toBe(1);
  });

  it('a forged or foreign id_token_hint is refused with an error page', async () => {
    const browser = new Browser(app.url);
    const rp = await registerRp();
    const idToken = await signIn(browser, rp);
    const [header, body] = idToken.split('.');
    const tampered = `${header}.${body}.${'A'.repeat(86)}`;
    const response = await browser.get(
      logoutPath({ id_token_hint: tampered, post_logout_redirect_uri: AFTER_LOGOUT }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const mismatch = await browser.get(
      logoutPath({ id_token_hint: idToken, client_id: 'demo-web' }),
    );
    expect(mismatch.status).toBe(400);
  });

  it('without a hint the user is asked to confirm; "stay" keeps the session, "sign out" ends at the URI with state', async () => {
    const rp = await registerRp();
    const browser = new Browser(app.url);
    await signIn(browser, rp);
    const asked = await browser.get(
      logoutPath({
        client_id: rp.clientId,
        post_logout_redirect_uri: AFTER_LOGOUT,
        state: 'xyz',
        ui_locales: 'ja',
      }),
    );
    expect(asked.status).toBe(200);
    const html = await asked.text();
    expect(html).toContain('<html lang="ja">');
    expect(html.indexOf('value="logout"')).toBeLessThan(html.indexOf('value="stay"'));
    const field = (name: string) =>
      new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
    const form = {
      csrf: field('csrf'),
      client_id: field('client_id'),
      post_logout_redirect_uri: field('post_logout_redirect_uri'),
      state: field('state'),
    };
    const stayed = await browser.post('/api/logout', { ...form, decision: 'stay' });
    expect(stayed.status).toBe(200);
    expect(browser.cookies.size).toBe(1);
    const forged = await browser.post('/api/logout', {
      ...form,
      csrf: 'forged',
      decision: 'logout',
    });
    expect(forged.status).toBe(403);
    const done = await browser.post('/api/logout', { ...form, decision: 'logout' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${AFTER_LOGOUT}?state=xyz`);
    expect(browser.cookies.size).toBe(0);
  });

  it('a hanging relying party does not hold the sign-out page beyond the deadline', async () => {
    const rp = await registerRp(hung.url);
    const browser = new Browser(app.url);
    const idToken = await signIn(browser, rp);
    const started = Date.now();
    const response = await browser.get(logoutPath({ id_token_hint: idToken }));
    const elapsed = Date.now() - started;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('You have signed out');
    expect(hung.received).toHaveLength(1);
    expect(elapsed).toBeLessThan(2000);
  });

  it('with no session, a valid request goes straight to the registered URI', async () => {
    const rp = await registerRp();
    const browser = new Browser(app.url);
    const response = await browser.get(
      logoutPath({ client_id: rp.clientId, post_logout_redirect_uri: AFTER_LOGOUT, state: 'q' }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${AFTER_LOGOUT}?state=q`);
  });

  it('discovery advertises the end-session endpoint and back-channel logout', async () => {
    const metadata = (await (
      await fetch(`${app.url}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      end_session_endpoint: 'http://localhost:8080/api/logout',
      backchannel_logout_supported: true,
      backchannel_logout_session_supported: true,
      registration_endpoint: 'http://localhost:8080/api/register',
    });
  });
});
