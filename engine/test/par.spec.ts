import { authorize, form, WEB_BASIC, WEB_REDIRECT } from './flow-helpers';
import { content, EngineHarness, PKCE_CHALLENGE, redirectParams } from './harness';

const request = {
  response_type: 'code',
  redirect_uri: WEB_REDIRECT,
  scope: 'openid read',
  state: 'par-state',
  code_challenge: PKCE_CHALLENGE,
  code_challenge_method: 'S256',
};

describe('/pushed_auth_req (RFC 9126, authlete-api.md §8.8)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  const push = (
    parameters: Record<string, string>,
    credentials: Record<string, string> = WEB_BASIC,
  ) => engine.call('/pushed_auth_req', { parameters: form(parameters), ...credentials });

  it('CREATED (A245001) with expires_in and a urn request_uri; the authorization request then uses it', async () => {
    const pushed = await push(request);
    expect(pushed.body).toMatchObject({
      action: 'CREATED',
      resultCode: 'A245001',
      clientAuthMethod: 'CLIENT_SECRET_BASIC',
    });
    const body = content(pushed);
    expect(Object.keys(body)).toEqual(['expires_in', 'request_uri']);
    expect(body.expires_in).toBe(600);
    expect(body.request_uri).toMatch(/^urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{43}$/);
    expect(pushed.body.requestUri).toBe(body.request_uri);
    const authorization = await authorize(engine, {
      client_id: 'demo-web',
      request_uri: body.request_uri as string,
    });
    expect(authorization.body.action).toBe('INTERACTION');
    const issued = await engine.call('/auth/authorization/issue', {
      ticket: authorization.body.ticket,
      subject: 'alice',
    });
    expect(redirectParams(issued.body.responseContent).get('state')).toBe('par-state');
  });

  it('pitfall §11.6: a request_uri is single-use (invalid_request_uri, BAD_REQUEST)', async () => {
    const requestUri = content(await push(request)).request_uri as string;
    await authorize(engine, { client_id: 'demo-web', request_uri: requestUri });
    const second = await authorize(engine, { client_id: 'demo-web', request_uri: requestUri });
    expect(second.body.action).toBe('BAD_REQUEST');
    expect(content(second).error).toBe('invalid_request_uri');
  });

  it('a request_uri expires after pushedAuthReqDuration', async () => {
    const requestUri = content(await push(request)).request_uri as string;
    engine.advance(601);
    expect(
      content(await authorize(engine, { client_id: 'demo-web', request_uri: requestUri })).error,
    ).toBe('invalid_request_uri');
  });

  it('a request_uri used by another client is BAD_REQUEST', async () => {
    const requestUri = content(await push(request)).request_uri as string;
    const response = await authorize(engine, {
      client_id: 'demo-special',
      request_uri: requestUri,
    });
    expect(response.body.action).toBe('BAD_REQUEST');
  });

  it('invalid parameters are BAD_REQUEST, never a redirect', async () => {
    const bad = await push({ ...request, prompt: 'sometimes' });
    expect(bad.body.action).toBe('BAD_REQUEST');
    expect(content(bad).error).toBe('invalid_request');
    const mismatch = await push({ ...request, redirect_uri: 'http://evil.example/cb' });
    expect(mismatch.body.action).toBe('BAD_REQUEST');
    const nested = await push({ ...request, request_uri: 'urn:x' });
    expect(nested.body.action).toBe('BAD_REQUEST');
  });

  it('UNAUTHORIZED with invalid_client when client authentication fails', async () => {
    const response = await push(request, { clientId: 'demo-web', clientSecret: 'nope' });
    expect(response.body.action).toBe('UNAUTHORIZED');
    expect(content(response).error).toBe('invalid_client');
  });

  it('a public client pushes with client_id only', async () => {
    const response = await push(
      { ...request, client_id: 'demo-spa', redirect_uri: 'http://localhost:3000/spa/callback' },
      {},
    );
    expect(response.body.action).toBe('CREATED');
  });
});
