import { Browser } from '../../support/browser';
import { authorizeAs, pkce } from '../authorization/support/flow';
import { startTestApp, type TestApp } from '../../support/test-app';

const REDIRECT = 'https://rp.example.com/cb';
const JSON_HEADERS = { 'content-type': 'application/json' };

describe('dynamic client registration and management on the embedded engine (RFC 7591, RFC 7592)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      AUTHLETE_BASE_URL: undefined,
      THROTTLE_REGISTER_LIMIT_PER_IP: '1000',
    });
  });
  afterAll(() => app.close());

  async function register(metadata: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${app.url}/api/register`, {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...headers },
      body: JSON.stringify(metadata),
    });
    return { response, body: (await response.json()) as Record<string, unknown> };
  }

  const manage = (id: unknown, method: string, token?: unknown, body?: unknown) =>
    fetch(`${app.url}/api/register/${String(id)}`, {
      method,
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token as string}` }),
        ...(body === undefined ? {} : JSON_HEADERS),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('a client registered over HTTP completes a code flow with PKCE; read, update, delete', async () => {
    const { response, body: client } = await register({
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code'],
      client_name: 'Registered RP',
      scope: 'openid profile',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(client.registration_client_uri).toBe(
      `http://localhost:8080/api/register/${String(client.client_id)}`,
    );

    const { verifier, challenge } = pkce();
    const browser = new Browser(app.url);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: String(client.client_id),
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: 'st',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const { params, pages } = await authorizeAs(browser, `/api/authorization?${query.toString()}`);
    expect(pages).toEqual(['login', 'consent']);
    expect(params.get('state')).toBe('st');
    const exchange = (code: string) =>
      fetch(`${app.url}/api/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${String(client.client_id)}:${String(client.client_secret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        }).toString(),
      });
    const token = await exchange(params.get('code')!);
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({
      token_type: 'Bearer',
      id_token: expect.any(String) as string,
    });

    const read = await manage(client.client_id, 'GET', client.registration_access_token);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      client_id: client.client_id,
      client_name: 'Registered RP',
    });

    const anonymous = await manage(client.client_id, 'GET');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await anonymous.json()) as { error: string }).error).toBe('invalid_token');

    const updated = await manage(client.client_id, 'PUT', client.registration_access_token, {
      client_id: client.client_id,
      redirect_uris: ['https://rp.example.com/other'],
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { redirect_uris: string[] }).redirect_uris).toEqual([
      'https://rp.example.com/other',
    ]);
    const oldRedirect = await browser.get(`/api/authorization?${query.toString()}`);
    expect(oldRedirect.status).toBe(400);

    const deleted = await manage(client.client_id, 'DELETE', client.registration_access_token);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const afterDelete = await exchange('any-code');
    expect(afterDelete.status).toBe(401);
    expect(((await afterDelete.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('a client_credentials client works at once', async () => {
    const { body: client } = await register({ grant_types: ['client_credentials'], scope: 'read' });
    const token = await fetch(`${app.url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${String(client.client_id)}:${String(client.client_secret)}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=read',
    });
    expect(token.status).toBe(200);
  });

  it.each([
    [{ redirect_uris: ['javascript:alert(1)'] }, 'invalid_redirect_uri'],
    [{ redirect_uris: ['https://rp.example.com/cb#x'] }, 'invalid_redirect_uri'],
    [
      { redirect_uris: [REDIRECT], grant_types: ['urn:example:unknown'] },
      'invalid_client_metadata',
    ],
    [{ redirect_uris: [REDIRECT], client_uri: 'javascript:alert(1)' }, 'invalid_client_metadata'],
    ['not an object', 'invalid_client_metadata'],
  ])('malformed metadata %j → 400 %s', async (metadata, error) => {
    const { response, body } = await register(metadata);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(body.error).toBe(error);
  });

  it('a form body is refused with 400 invalid_client_metadata, never passed on', async () => {
    const response = await fetch(`${app.url}/api/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'redirect_uris=https://rp.example.com/cb',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client_metadata');
  });
});
