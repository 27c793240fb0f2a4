import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { SessionExpiryNotifier } from '../../../src/endpoints/logout/session-expiry-notifier';
import { Browser } from '../../support/browser';
import { startTestApp, type TestApp } from '../../support/test-app';
import { authorizeAs, pkce } from '../authorization/support/flow';
import { type LogoutReceiver, startLogoutReceiver } from './rp-receiver';

const REDIRECT = 'http://localhost:3001/cb';
const TTL_SECONDS = 3600;

describe('Back-Channel Logout when a login session expires (Back-Channel Logout 1.0 §2.7)', () => {
  let app: TestApp;
  let receiver: LogoutReceiver;
  let notifier: SessionExpiryNotifier;
  beforeAll(async () => {
    receiver = await startLogoutReceiver();
    app = await startTestApp({
      AUTHLETE_BASE_URL: undefined,
      SESSION_TTL_SECONDS: String(TTL_SECONDS),
      THROTTLE_REGISTER_LIMIT_PER_IP: '1000',
    });
    notifier = app.app.get(SessionExpiryNotifier, { strict: false });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  /** Registers an RP with a back-channel logout URI and signs in to it; returns its ID token. */
  async function signIn(browser: Browser): Promise<{ clientId: string; idToken: string }> {
    const registered = await fetch(`${app.url}/api/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        redirect_uris: [REDIRECT],
        backchannel_logout_uri: receiver.url,
        backchannel_logout_session_required: true,
      }),
    });
    const rp = (await registered.json()) as { client_id: string; client_secret: string };
    const { verifier, challenge } = pkce();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: rp.client_id,
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const { params } = await authorizeAs(browser, `/api/authorization?${query.toString()}`);
    const token = await fetch(`${app.url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${rp.client_id}:${rp.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code')!,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }).toString(),
    });
    const idToken = ((await token.json()) as { id_token: string }).id_token;
    return { clientId: rp.client_id, idToken };
  }

  it('once the session lifetime is over the RP gets a verifiable logout token with its sid, once', async () => {
    receiver.received.length = 0;
    const { clientId, idToken } = await signIn(new Browser(app.url));
    expect(await notifier.sweep(Date.now())).toBe(0);
    expect(receiver.received).toEqual([]);

    expect(await notifier.sweep(Date.now() + (TTL_SECONDS + 5) * 1000)).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const { payload } = await jwtVerify(
      receiver.received[0]!.logoutToken!,
      createRemoteJWKSet(new URL(`${app.url}/api/jwks`)),
      { issuer: 'http://localhost:8080', audience: clientId },
    );
    expect(payload).toMatchObject({
      sid: decodeJwt(idToken).sid,
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });
    expect(payload).not.toHaveProperty('nonce');

    expect(await notifier.sweep(Date.now() + (TTL_SECONDS + 60) * 1000)).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it('a session ended by logout before it expires is not notified again on expiry', async () => {
    receiver.received.length = 0;
    const browser = new Browser(app.url);
    const { idToken } = await signIn(browser);
    const response = await browser.get(
      `/api/logout?${new URLSearchParams({ id_token_hint: idToken }).toString()}`,
    );
    expect(response.status).toBe(200);
    expect(receiver.received).toHaveLength(1);
    await notifier.sweep(Date.now() + (TTL_SECONDS + 5) * 1000);
    expect(receiver.received).toHaveLength(1);
  });
});
