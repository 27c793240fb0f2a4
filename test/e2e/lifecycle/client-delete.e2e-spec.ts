import { startTestApp, type TestApp } from '../../support/test-app';
import { introspect } from '../grants/grant-helpers';

/** RFC 7592 §2.3 on the embedded engine: a deleted client's tokens stop working at once. */
describe('deleting a registered client revokes what it was issued', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      AUTHLETE_BASE_URL: undefined,
      THROTTLE_REGISTER_LIMIT_PER_IP: '1000',
    });
  });
  afterAll(() => app.close());

  it('after DELETE its access token is inactive at introspection and refused at userinfo', async () => {
    const registered = await fetch(`${app.url}/api/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_types: ['client_credentials'], scope: 'openid read' }),
    });
    expect(registered.status).toBe(201);
    const client = (await registered.json()) as Record<string, string>;
    const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
    const token = await fetch(`${app.url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${basic}`,
      },
      body: 'grant_type=client_credentials&scope=read',
    });
    expect(token.status).toBe(200);
    const accessToken = ((await token.json()) as { access_token: string }).access_token;
    expect(await introspect(app.url, accessToken)).toMatchObject({ active: true });

    const deleted = await fetch(`${app.url}/api/register/${client.client_id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${client.registration_access_token}` },
    });
    expect(deleted.status).toBe(204);

    expect(await introspect(app.url, accessToken)).toEqual({ active: false });
    const userinfo = await fetch(`${app.url}/api/userinfo`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(userinfo.status).toBe(401);
    expect(userinfo.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});
