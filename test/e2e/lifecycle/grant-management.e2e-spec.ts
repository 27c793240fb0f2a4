import { Browser } from '../../support/browser';
import { pageKind, redirectParams } from '../../support/pages';
import { pkce, submitConsent, submitLogin } from '../authorization/support/flow';
import { startTestApp, type TestApp } from '../../support/test-app';

const REDIRECT = 'https://rp.example.com/cb';
const FORM = 'application/x-www-form-urlencoded';

describe('grant management end to end on the embedded engine (FAPI Grant Management)', () => {
  let app: TestApp;
  let client: { id: string; secret: string };
  beforeAll(async () => {
    app = await startTestApp({ AUTHLETE_BASE_URL: undefined });
    const registered = (await (
      await fetch(`${app.url}/api/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          redirect_uris: [REDIRECT],
          grant_types: ['authorization_code', 'client_credentials', 'refresh_token'],
        }),
      })
    ).json()) as { client_id: string; client_secret: string };
    client = { id: registered.client_id, secret: registered.client_secret };
  });
  afterAll(() => app.close());

  const basic = () => `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`;

  async function token(body: Record<string, string>): Promise<Record<string, string>> {
    const response = await fetch(`${app.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': FORM, authorization: basic() },
      body: new URLSearchParams(body).toString(),
    });
    return (await response.json()) as Record<string, string>;
  }

  /** Runs an authorization; returns the consent page HTML (if shown) and the token response. */
  async function authorizeWith(browser: Browser, extra: Record<string, string>) {
    const { verifier, challenge } = pkce();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.id,
      redirect_uri: REDIRECT,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    let response = await browser.get(`/api/authorization?${query.toString()}`);
    let consent = '';
    while (response.status === 200) {
      const html = await response.text();
      if (pageKind(html) === 'login') {
        response = await submitLogin(browser, html, 'alice', 'alice-password');
      } else {
        consent = html;
        response = await submitConsent(browser, html, 'approve');
      }
    }
    const tokens = await token({
      grant_type: 'authorization_code',
      code: redirectParams(response).get('code')!,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    return { consent, tokens };
  }

  const gm = async (method: string, grantId: string, accessToken: string) =>
    fetch(`${app.url}/api/gm/${encodeURIComponent(grantId)}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}` },
    });

  async function active(accessToken: string): Promise<boolean> {
    const response = await fetch(`${app.url}/api/introspection`, {
      method: 'POST',
      headers: {
        'content-type': FORM,
        authorization: `Basic ${Buffer.from('demo-rs:demo-rs-secret').toString('base64')}`,
      },
      body: new URLSearchParams({ token: accessToken }).toString(),
    });
    return ((await response.json()) as { active: boolean }).active;
  }

  it('create, query, merge (consent shows the existing grant), revoke: its tokens are then inactive', async () => {
    const browser = new Browser(app.url);
    const created = await authorizeWith(browser, {
      scope: 'openid read',
      grant_management_action: 'create',
    });
    const grantId = created.tokens.grant_id!;
    expect(grantId).toEqual(expect.any(String));

    const queryToken = (
      await token({ grant_type: 'client_credentials', scope: 'grant_management_query' })
    ).access_token!;
    const read = await gm('GET', grantId, queryToken);
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(await read.json()).toEqual({ scopes: [{ scope: 'openid read' }] });

    const merged = await authorizeWith(browser, {
      scope: 'write',
      grant_management_action: 'merge',
      grant_id: grantId,
    });
    expect(merged.consent).toContain('Already granted');
    expect(merged.consent).toContain('openid');
    expect(merged.tokens.grant_id).toBe(grantId);
    expect(await (await gm('GET', grantId, queryToken)).json()).toEqual({
      scopes: [{ scope: 'openid read write' }],
    });

    expect(await active(created.tokens.access_token!)).toBe(true);
    const forbidden = await gm('DELETE', grantId, queryToken);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toContain('insufficient_scope');

    const revokeToken = (
      await token({ grant_type: 'client_credentials', scope: 'grant_management_revoke' })
    ).access_token!;
    const revoked = await gm('DELETE', grantId, revokeToken);
    expect(revoked.status).toBe(204);
    expect(await active(created.tokens.access_token!)).toBe(false);
    expect(await active(merged.tokens.access_token!)).toBe(false);
    const gone = await gm('GET', grantId, queryToken);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('without a token: 401 with a Bearer challenge', async () => {
    const response = await fetch(`${app.url}/api/gm/anything`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('an unknown grant_id at the authorization endpoint goes back to the client as invalid_grant_id', async () => {
    const browser = new Browser(app.url);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.id,
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: 's',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
      grant_management_action: 'merge',
      grant_id: 'nope',
    });
    const response = await browser.get(`/api/authorization?${query.toString()}`);
    expect(response.status).toBe(302);
    expect(redirectParams(response).get('error')).toBe('invalid_grant_id');
    expect(redirectParams(response).get('state')).toBe('s');
  });
});
