import { authorize, form } from './flow-helpers';
import { content, EngineHarness, PKCE_CHALLENGE, PKCE_VERIFIER, redirectParams } from './harness';

const REDIRECT = 'https://rp.example.com/cb';

describe('/client/registration* (RFC 7591/7592, authlete-api.md §8.9)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  const register = (metadata: unknown) =>
    engine.call('/client/registration', { json: JSON.stringify(metadata) });

  async function registered(extra: Record<string, unknown> = {}) {
    const created = await register({ redirect_uris: [REDIRECT], client_name: 'RP', ...extra });
    expect(created.body.action).toBe('CREATED');
    return content(created);
  }

  it('CREATED (A202001): client_id, secret, registration token and URI, metadata echoed, Client DTO', async () => {
    const created = await register({
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      client_name: 'RP',
      'client_name#ja': 'アプリ',
      post_logout_redirect_uris: ['https://rp.example.com/bye'],
      backchannel_logout_uri: 'https://rp.example.com/bcl',
      backchannel_logout_session_required: true,
      unknown_member: 'dropped',
    });
    expect(created.body).toMatchObject({ action: 'CREATED', resultCode: 'A202001' });
    const body = content(created);
    expect(body.client_id).toMatch(/^[0-9]{14,15}$/);
    expect(body.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.client_secret_expires_at).toBe(0);
    expect(body.registration_access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.registration_client_uri).toBe(
      `http://localhost:8080/api/register/${body.client_id as string}`,
    );
    expect(body).toMatchObject({
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      'client_name#ja': 'アプリ',
      post_logout_redirect_uris: ['https://rp.example.com/bye'],
      backchannel_logout_uri: 'https://rp.example.com/bcl',
      backchannel_logout_session_required: true,
    });
    expect(body).not.toHaveProperty('unknown_member');
    expect(created.body.client).toMatchObject({
      clientIdAlias: body.client_id,
      dynamicallyRegistered: true,
      backchannelLogoutUri: 'https://rp.example.com/bcl',
      backchannelLogoutSessionRequired: true,
      customMetadata: '{"post_logout_redirect_uris":["https://rp.example.com/bye"]}',
    });
    expect(JSON.stringify(created.body.client)).not.toContain(body.client_secret as string);
  });

  it('a registered public client completes the code flow with PKCE at once', async () => {
    const client = await registered({ token_endpoint_auth_method: 'none' });
    expect(client).not.toHaveProperty('client_secret');
    const authorization = await authorize(engine, {
      response_type: 'code',
      client_id: client.client_id as string,
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: PKCE_CHALLENGE,
      code_challenge_method: 'S256',
    });
    expect(authorization.body.action).toBe('INTERACTION');
    const issued = await engine.call('/auth/authorization/issue', {
      ticket: authorization.body.ticket,
      subject: 'alice',
    });
    const code = redirectParams(issued.body.responseContent).get('code') ?? '';
    const token = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: PKCE_VERIFIER,
        client_id: client.client_id as string,
      }),
    });
    expect(token.body.action).toBe('OK');
  });

  it('get (A217001) needs the registration access token; without it UNAUTHORIZED', async () => {
    const client = await registered();
    const read = await engine.call('/client/registration/get', {
      clientId: client.client_id,
      token: client.registration_access_token,
    });
    expect(read.body).toMatchObject({ action: 'OK', resultCode: 'A217001' });
    expect(content(read)).toMatchObject({
      client_id: client.client_id,
      client_secret: client.client_secret,
    });
    expect(content(read)).not.toHaveProperty('registration_access_token');
    const denied = await engine.call('/client/registration/get', {
      clientId: client.client_id,
      token: 'wrong',
    });
    expect(denied.body.action).toBe('UNAUTHORIZED');
    expect(content(denied).error).toBe('invalid_token');
    const missing = await engine.call('/client/registration/get', { clientId: client.client_id });
    expect(missing.body.action).toBe('UNAUTHORIZED');
    const staticClient = await engine.call('/client/registration/get', {
      clientId: 'demo-web',
      token: 'x',
    });
    expect(staticClient.body.action).toBe('UNAUTHORIZED');
  });

  it('BAD_REQUEST instead of UNAUTHORIZED when unauthorizedOnClientConfigSupported is off', async () => {
    const other = await EngineHarness.create((config) => {
      config.service.unauthorizedOnClientConfigSupported = false;
    });
    const denied = await other.call('/client/registration/get', { clientId: '1', token: 'x' });
    expect(denied.body.action).toBe('BAD_REQUEST');
    await other.close();
  });

  it('update (A213001) replaces the metadata and keeps id, secret and token', async () => {
    const client = await registered();
    const updated = await engine.call('/client/registration/update', {
      clientId: client.client_id,
      token: client.registration_access_token,
      json: JSON.stringify({
        client_id: client.client_id,
        redirect_uris: ['https://rp.example.com/new'],
      }),
    });
    expect(updated.body).toMatchObject({ action: 'UPDATED', resultCode: 'A213001' });
    const body = content(updated);
    expect(body).toMatchObject({
      client_id: client.client_id,
      client_secret: client.client_secret,
      redirect_uris: ['https://rp.example.com/new'],
    });
    expect(body).not.toHaveProperty('client_name');
    const old = await authorize(engine, {
      response_type: 'code',
      client_id: client.client_id as string,
      redirect_uri: REDIRECT,
      code_challenge: PKCE_CHALLENGE,
      code_challenge_method: 'S256',
    });
    expect(old.body.action).toBe('BAD_REQUEST');
    const again = await engine.call('/client/registration/get', {
      clientId: client.client_id,
      token: client.registration_access_token,
    });
    expect(again.body.action).toBe('OK');
  });

  it('update refuses server-owned members and a foreign client_id', async () => {
    const client = await registered();
    for (const extra of [
      { registration_access_token: 'x' },
      { client_id: 'someone-else' },
      { client_secret: 'wrong' },
    ]) {
      const refused = await engine.call('/client/registration/update', {
        clientId: client.client_id,
        token: client.registration_access_token,
        json: JSON.stringify({ redirect_uris: [REDIRECT], ...extra }),
      });
      expect(refused.body.action).toBe('BAD_REQUEST');
      expect(content(refused).error).toBe('invalid_client_metadata');
    }
  });

  it('delete (A216001): DELETED without content; the client is gone everywhere', async () => {
    const client = await registered({ grant_types: ['client_credentials'], redirect_uris: [] });
    const deleted = await engine.call('/client/registration/delete', {
      clientId: client.client_id,
      token: client.registration_access_token,
    });
    expect(deleted.body).toEqual({
      resultCode: 'A216001',
      resultMessage: expect.stringContaining('deleted') as string,
      action: 'DELETED',
    });
    const token = await engine.call('/auth/token', {
      parameters: 'grant_type=client_credentials',
      clientId: client.client_id,
      clientSecret: client.client_secret,
    });
    expect(token.body.action).toBe('INVALID_CLIENT');
    const read = await engine.call('/client/registration/get', {
      clientId: client.client_id,
      token: client.registration_access_token,
    });
    expect(read.body.action).toBe('UNAUTHORIZED');
  });

  it("delete revokes the client's tokens: introspection and userinfo no longer accept them", async () => {
    const client = await registered({
      grant_types: ['client_credentials'],
      redirect_uris: [],
      scope: 'read',
    });
    const issued = await engine.call('/auth/token', {
      parameters: 'grant_type=client_credentials&scope=read',
      clientId: client.client_id,
      clientSecret: client.client_secret,
    });
    const accessToken = content(issued).access_token as string;
    const before = await engine.call('/auth/introspection', { token: accessToken });
    expect(before.body.action).toBe('OK');
    await engine.call('/client/registration/delete', {
      clientId: client.client_id,
      token: client.registration_access_token,
    });
    const after = await engine.call('/auth/introspection', { token: accessToken });
    expect(after.body.action).toBe('UNAUTHORIZED');
    const standard = await engine.call('/auth/introspection/standard', {
      parameters: form({ token: accessToken }),
    });
    expect(JSON.parse(standard.body.responseContent as string)).toEqual({ active: false });
    const userinfo = await engine.call('/auth/userinfo', { token: accessToken });
    expect(userinfo.body.action).toBe('UNAUTHORIZED');
  });

  it.each([
    [{ redirect_uris: ['javascript:alert(1)'] }, 'invalid_redirect_uri'],
    [{ redirect_uris: ['https://rp.example.com/cb#frag'] }, 'invalid_redirect_uri'],
    [{ redirect_uris: ['not a uri'] }, 'invalid_redirect_uri'],
    [{ redirect_uris: ['http://rp.example.com/cb'] }, 'invalid_redirect_uri'],
    [{ redirect_uris: [] }, 'invalid_redirect_uri'],
    [{ redirect_uris: [REDIRECT], grant_types: ['urn:example:magic'] }, 'invalid_client_metadata'],
    [{ redirect_uris: [REDIRECT], response_types: ['token'] }, 'invalid_client_metadata'],
    [
      { redirect_uris: [REDIRECT], grant_types: ['client_credentials'], response_types: ['code'] },
      'invalid_client_metadata',
    ],
    [{ redirect_uris: [REDIRECT], logo_uri: 'javascript:alert(1)' }, 'invalid_client_metadata'],
    [
      { redirect_uris: [REDIRECT], post_logout_redirect_uris: ['javascript:alert(1)'] },
      'invalid_client_metadata',
    ],
    [
      { redirect_uris: [REDIRECT], backchannel_logout_uri: 'https://rp.example.com/bcl#x' },
      'invalid_client_metadata',
    ],
    [
      { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'private_key_jwt' },
      'invalid_client_metadata',
    ],
    [
      {
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'client_credentials'],
      },
      'invalid_client_metadata',
    ],
    [{ redirect_uris: [REDIRECT], scope: 'openid nope' }, 'invalid_client_metadata'],
    [
      { redirect_uris: [REDIRECT], jwks: { keys: [{ kty: 'oct', k: 'secret' }] } },
      'invalid_client_metadata',
    ],
    [{ redirect_uris: [REDIRECT], default_max_age: -1 }, 'invalid_client_metadata'],
    [[REDIRECT], 'invalid_client_metadata'],
  ])('BAD_REQUEST for %j: %s', async (metadata, error) => {
    const refused = await register(metadata);
    expect(refused.body.action).toBe('BAD_REQUEST');
    expect(content(refused).error).toBe(error);
  });

  it('native clients may use a reverse-domain scheme; web clients may not', async () => {
    expect(
      (await register({ application_type: 'native', redirect_uris: ['com.example.app:/cb'] })).body
        .action,
    ).toBe('CREATED');
    expect((await register({ redirect_uris: ['com.example.app:/cb'] })).body.action).toBe(
      'BAD_REQUEST',
    );
  });

  it('INTERNAL_SERVER_ERROR when the service omits json; BAD_REQUEST when registration is off', async () => {
    const broken = await engine.call('/client/registration', {});
    expect(broken.body.action).toBe('INTERNAL_SERVER_ERROR');
    const closed = await EngineHarness.create((config) => {
      config.service.dynamicRegistrationSupported = false;
    });
    const refused = await closed.call('/client/registration', {
      json: JSON.stringify({ redirect_uris: [REDIRECT] }),
    });
    expect(refused.body.action).toBe('BAD_REQUEST');
    await closed.close();
  });

  it('GET /client/get/{clientId}: the raw Client DTO, 404 for an unknown client', async () => {
    const found = await engine.call('/client/get/demo-web');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      clientIdAlias: 'demo-web',
      customMetadata: expect.stringContaining('post_logout_redirect_uris') as string,
    });
    expect(found.body).not.toHaveProperty('action');
    const missing = await engine.call('/client/get/nobody');
    expect(missing.status).toBe(404);
    expect(missing.body.resultCode).toBe('A018301');
  });
});
