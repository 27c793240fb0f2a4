import { authorize, form, SPA_REDIRECT, WEB_REDIRECT } from './flow-helpers';
import { content, EngineHarness, PKCE_CHALLENGE, redirectParams } from './harness';

const base = { response_type: 'code', client_id: 'demo-web', redirect_uri: WEB_REDIRECT };

describe('/auth/authorization (authlete-api.md §4.1)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create((config) => {
      config.clients[0]!.defaultMaxAge = 0;
    });
  });
  afterAll(() => engine.close());

  it('issues a ticket (INTERACTION, A004001) with client, service and Scope objects', async () => {
    const response = await authorize(engine, {
      ...base,
      scope: 'openid profile read unknown',
      state: 's',
    });
    expect(response.body).toMatchObject({
      resultCode: 'A004001',
      action: 'INTERACTION',
      display: 'PAGE',
      maxAge: 0,
      client: {
        clientId: 17201083166161,
        clientIdAlias: 'demo-web',
        clientName: 'Demo Web App',
        logoUri: 'http://localhost:8080/assets/logos/demo-web.svg',
        tosUri: 'http://localhost:3000/tos',
        policyUri: 'http://localhost:3000/privacy',
        clientType: 'CONFIDENTIAL',
        subjectType: 'PUBLIC',
      },
      service: { apiKey: 5593494640, serviceName: 'Local Demo Service' },
    });
    expect(typeof response.body.ticket).toBe('string');
    const scopes = response.body.scopes as {
      name: string;
      description: string;
      descriptions: unknown[];
    }[];
    expect(scopes.map((scope) => scope.name)).toEqual(['openid', 'profile', 'read']);
    expect(scopes[2]).toMatchObject({
      name: 'read',
      defaultEntry: true,
      descriptions: [{ tag: 'ja', value: 'データを読み取ります。' }],
    });
    expect(response.body.resultMessage).toContain('[response_type=code, openid=true]');
  });

  it('pitfall §11.10: scopes are limited to supportedScopes; defaults apply when scope is absent', async () => {
    const response = await authorize(engine, base);
    expect((response.body.scopes as { name: string }[]).map((scope) => scope.name)).toEqual([
      'read',
    ]);
  });

  it('accepts the numeric client id and reports clientIdAliasUsed=false', async () => {
    const response = await authorize(engine, { ...base, client_id: '17201083166161' });
    expect(response.body.action).toBe('INTERACTION');
    expect(response.body.clientIdAliasUsed).toBe(false);
  });

  it('pitfall §11.8: prompt=none yields NO_INTERACTION; login/consent/select_account show up in prompts', async () => {
    expect((await authorize(engine, { ...base, prompt: 'none' })).body.action).toBe(
      'NO_INTERACTION',
    );
    const response = await authorize(engine, { ...base, prompt: 'login consent select_account' });
    expect(response.body.action).toBe('INTERACTION');
    expect(response.body.prompts).toEqual(['LOGIN', 'CONSENT', 'SELECT_ACCOUNT']);
  });

  it('pitfall §11.10: acrs and uiLocales are filtered to the supported values; claims_locales, login_hint, max_age pass through', async () => {
    const response = await authorize(engine, {
      ...base,
      acr_values: 'urn:mace:incommon:iap:silver urn:other',
      ui_locales: 'fr ja en',
      claims_locales: 'ja en',
      login_hint: 'alice',
      max_age: '300',
      display: 'popup',
    });
    expect(response.body).toMatchObject({
      acrs: ['urn:mace:incommon:iap:silver'],
      acrEssential: false,
      uiLocales: ['ja', 'en'],
      claimsLocales: ['ja', 'en'],
      loginHint: 'alice',
      maxAge: 300,
      display: 'POPUP',
    });
  });

  it('reads the claims parameter: names, essential acr, subject, raw JSON, scope shortcuts', async () => {
    const claims = {
      id_token: {
        acr: { essential: true, values: ['urn:mace:incommon:iap:bronze'] },
        sub: { value: 'alice' },
        'name#ja-Kana-JP': null,
      },
      userinfo: { email: { essential: true }, nickname: null },
    };
    const response = await authorize(engine, {
      ...base,
      scope: 'openid phone',
      claims: JSON.stringify(claims),
    });
    expect(response.body.claims).toEqual([
      'name#ja-Kana-JP',
      'phone_number',
      'phone_number_verified',
    ]);
    expect(response.body.claimsAtUserInfo).toEqual([
      'email',
      'nickname',
      'phone_number',
      'phone_number_verified',
    ]);
    expect(response.body.acrs).toEqual(['urn:mace:incommon:iap:bronze']);
    expect(response.body.acrEssential).toBe(true);
    expect(response.body.subject).toBe('alice');
    expect(JSON.parse(response.body.idTokenClaims as string)).toEqual(claims.id_token);
    expect(JSON.parse(response.body.userInfoClaims as string)).toEqual(claims.userinfo);
  });

  it('pitfall §11.7: an unknown client is BAD_REQUEST with a JSON body, never LOCATION', async () => {
    const response = await authorize(engine, { ...base, client_id: 'nobody' });
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response)).toMatchObject({ error: 'invalid_request' });
    expect(Object.keys(content(response))).toEqual(['error_description', 'error', 'error_uri']);
  });

  it('pitfall §11.7: a redirect_uri mismatch is BAD_REQUEST, never LOCATION', async () => {
    const response = await authorize(engine, {
      ...base,
      redirect_uri: 'http://evil.example/callback',
    });
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response).error).toBe('invalid_request');
  });

  it('pitfall §11.7: redirect_uri may be omitted only when exactly one URI is registered', async () => {
    const omitted = await authorize(engine, { response_type: 'code', client_id: 'demo-web' });
    expect(omitted.body.action).toBe('BAD_REQUEST');
    const single = await authorize(engine, { response_type: 'code', client_id: 'demo-special' });
    expect(single.body.action).toBe('INTERACTION');
  });

  it('pitfall §11.7: a web client’s loopback redirect URI must match exactly, port included (RFC 8252 §7.3 is for native apps)', async () => {
    const registered = await authorize(engine, {
      ...base,
      redirect_uri: 'http://127.0.0.1:3000/callback',
    });
    expect(registered.body.action).toBe('INTERACTION');
    const otherPort = await authorize(engine, {
      ...base,
      redirect_uri: 'http://127.0.0.1:4000/callback',
    });
    expect(otherPort.body.action).toBe('BAD_REQUEST');
    expect(content(otherPort).error).toBe('invalid_request');
  });

  it('a missing response_type is BAD_REQUEST; missing client_id is BAD_REQUEST', async () => {
    expect(
      (await authorize(engine, { client_id: 'demo-web', redirect_uri: WEB_REDIRECT })).body.action,
    ).toBe('BAD_REQUEST');
    expect((await authorize(engine, { response_type: 'code' })).body.action).toBe('BAD_REQUEST');
  });

  it('redirects other errors with error, error_description, error_uri, state and iss (RFC 9207)', async () => {
    const response = await authorize(engine, { ...base, response_type: 'token', state: 'st' });
    expect(response.body.action).toBe('LOCATION');
    const params = redirectParams(response.body.responseContent);
    expect(params.get('error')).toBe('unsupported_response_type');
    expect(params.get('error_description')).toMatch(/^\[A\d{3}3\d{2}\] /);
    expect(params.get('error_uri')).toMatch(/^https:\/\/docs\.authlete\.com\/#A/);
    expect(params.get('state')).toBe('st');
    expect(params.get('iss')).toBe('http://localhost:8080');
  });

  it.each([
    [
      'nonce missing for id_token',
      { response_type: 'code id_token', scope: 'openid' },
      'invalid_request',
    ],
    [
      'id_token without openid',
      { response_type: 'id_token', nonce: 'n', scope: 'read' },
      'invalid_request',
    ],
    ['unknown prompt', { prompt: 'sometimes' }, 'invalid_request'],
    ['prompt none with login', { prompt: 'none login' }, 'invalid_request'],
    ['negative max_age', { max_age: '-1' }, 'invalid_request'],
    ['bad display', { display: 'hologram' }, 'invalid_request'],
    ['malformed claims', { claims: '{"id_token":[1]}' }, 'invalid_request'],
    [
      'PKCE plain when S256 is required',
      { code_challenge: PKCE_CHALLENGE, code_challenge_method: 'plain' },
      'invalid_request',
    ],
    [
      'malformed code_challenge',
      { code_challenge: 'short', code_challenge_method: 'S256' },
      'invalid_request',
    ],
    ['relative resource', { resource: 'api' }, 'invalid_target'],
    [
      'response type the client may not use',
      {
        client_id: 'demo-special',
        redirect_uri: WEB_REDIRECT,
        response_type: 'code id_token',
        nonce: 'n',
        scope: 'openid',
      },
      'unauthorized_client',
    ],
  ])('redirects the error to the client: %s', async (_name, extra, error) => {
    const response = await authorize(engine, { ...base, state: 'x', ...extra });
    expect(response.body.action).toBe('LOCATION');
    expect(redirectParams(response.body.responseContent).get('error')).toBe(error);
  });

  it('requires PKCE for public clients (demo-spa) and accepts S256', async () => {
    const spa = { response_type: 'code', client_id: 'demo-spa', redirect_uri: SPA_REDIRECT };
    const missing = await authorize(engine, spa);
    expect(redirectParams(missing.body.responseContent).get('error')).toBe('invalid_request');
    const ok = await authorize(engine, {
      ...spa,
      code_challenge: PKCE_CHALLENGE,
      code_challenge_method: 'S256',
    });
    expect(ok.body.action).toBe('INTERACTION');
  });

  it('uses the fragment for hybrid errors and FORM for response_mode=form_post', async () => {
    const hybrid = await authorize(engine, {
      ...base,
      response_type: 'code id_token',
      scope: 'openid',
      state: 's',
    });
    expect(hybrid.body.responseContent).toMatch(
      /^http:\/\/localhost:3000\/callback#error=invalid_request/,
    );
    const posted = await authorize(engine, {
      ...base,
      response_mode: 'form_post',
      prompt: 'bogus',
      state: '"><script>x</script>',
    });
    expect(posted.body.action).toBe('FORM');
    const html = posted.body.responseContent as string;
    expect(html).toContain('<form method="post" action="http://localhost:3000/callback">');
    expect(html).toContain('name="error" value="invalid_request"');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).not.toContain('<script>x');
  });

  it('rejects a parameter given twice', async () => {
    const response = await engine.call('/auth/authorization', {
      parameters: `${form(base)}&client_id=demo-spa`,
    });
    expect(response.body.action).toBe('BAD_REQUEST');
  });

  it('an API call without `parameters` is BAD_REQUEST with a caller-error code (A004201), not a crash', async () => {
    const response = await engine.call('/auth/authorization', {});
    expect(response.status).toBe(200);
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(response.body.resultCode).toBe('A004201');
  });
});
