import { EngineHarness, findNulls } from './harness';
import { authorize, codeFlowTokens, WEB_REDIRECT } from './flow-helpers';

describe('API-level channel (authlete-api.md §1.3, §11.1)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  it('answers 401 A001202 when the Authorization header is missing', async () => {
    const response = await engine.call('/auth/authorization', { parameters: '' }, { token: null });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      resultCode: 'A001202',
      resultMessage: '[A001202] /auth/authorization, Authorization header is missing.',
    });
  });

  it('answers 401 A001203 for a wrong service access token', async () => {
    const response = await engine.call('/auth/token', { parameters: '' }, { token: 'wrong' });
    expect(response.status).toBe(401);
    expect(response.body.resultCode).toBe('A001203');
    expect(response.body.resultMessage).toMatch(/^\[A001203\] \/auth\/token, /);
    expect(Object.keys(response.body).sort()).toEqual(['resultCode', 'resultMessage']);
  });

  it('answers 404 {"resultCode":"404","resultMessage":""} for an unknown service id', async () => {
    const response = await engine.call(
      '/auth/authorization',
      { parameters: 'x=1' },
      { serviceId: '123' },
    );
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ resultCode: '404', resultMessage: '' });
  });

  it('answers 404 for an unknown API path', async () => {
    const response = await engine.call('/auth/nothing', { a: 1 });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ resultCode: '404', resultMessage: '' });
  });

  it('answers an API-level 400 with {resultCode,resultMessage} for a malformed JSON body', async () => {
    const response = await engine.built.app.inject({
      method: 'POST',
      url: `/api/${engine.serviceId}/auth/token`,
      headers: { authorization: 'Bearer test-service-token', 'content-type': 'application/json' },
      payload: '{"parameters":',
    });
    expect(response.statusCode).toBe(400);
    const body = JSON.parse(response.body) as Record<string, string>;
    expect(body.resultCode).toMatch(/^A\d{6}$/);
    expect(body.resultMessage?.startsWith(`[${body.resultCode}] `)).toBe(true);
  });

  it('pitfall §11.1: an invalid OAuth request is HTTP 200 with an action, not an HTTP 400', async () => {
    const response = await authorize(engine, { client_id: 'nobody', response_type: 'code' });
    expect(response.status).toBe(200);
    expect(response.body.action).toBe('BAD_REQUEST');
  });

  it('pitfall §11.4: responses omit null members and keep primitives (0/false)', async () => {
    const authorization = await authorize(engine, {
      response_type: 'code',
      client_id: 'demo-web',
      redirect_uri: WEB_REDIRECT,
      scope: 'read',
    });
    expect(findNulls(authorization.body)).toEqual([]);
    expect(authorization.body.maxAge).toBe(0);
    expect(authorization.body.acrEssential).toBe(false);
    expect(authorization.body.clientIdAliasUsed).toBe(true);
    const { response } = await codeFlowTokens(engine);
    expect(findNulls(response.body)).toEqual([]);
    expect(typeof response.body.clientId).toBe('number');
    expect(response.body.grantType).toBe('AUTHORIZATION_CODE');
  });

  it('pitfall §10: every resultCode follows the A + 6 digits rule and resultMessage is "[code] text"', async () => {
    const responses = [
      await authorize(engine, {
        client_id: 'demo-web',
        response_type: 'code',
        redirect_uri: WEB_REDIRECT,
      }),
      await authorize(engine, { client_id: 'nobody', response_type: 'code' }),
      await engine.call('/auth/token', { parameters: 'grant_type=password' }),
      await engine.call('/auth/introspection', { token: 'nope' }),
    ];
    for (const response of responses) {
      const code = response.body.resultCode as string;
      expect(code).toMatch(/^A\d{6}$/);
      expect(response.body.resultMessage).toMatch(new RegExp(`^\\[${code}\\] `));
    }
    expect((responses[0]!.body.resultCode as string).charAt(4)).toBe('0');
    expect((responses[1]!.body.resultCode as string).charAt(4)).toBe('3');
  });
});
