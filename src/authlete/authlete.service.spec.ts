import { AuthleteApiError } from './authlete-api.error';
import type { AuthleteRawAnswer, AuthleteTransport } from './authlete-transport';
import { AuthleteService } from './authlete.service';

function service(answer: AuthleteRawAnswer): { authlete: AuthleteService; send: jest.Mock } {
  const send = jest.fn().mockResolvedValue(answer);
  return { authlete: new AuthleteService({ send } as unknown as AuthleteTransport), send };
}

describe('AuthleteService', () => {
  it.each([
    ['authorization', 'auth/authorization'],
    ['authorizationIssue', 'auth/authorization/issue'],
    ['authorizationFail', 'auth/authorization/fail'],
    ['token', 'auth/token'],
    ['tokenIssue', 'auth/token/issue'],
    ['tokenFail', 'auth/token/fail'],
    ['tokenCreate', 'auth/token/create'],
    ['introspection', 'auth/introspection'],
    ['standardIntrospection', 'auth/introspection/standard'],
    ['userinfo', 'auth/userinfo'],
    ['userinfoIssue', 'auth/userinfo/issue'],
    ['revocation', 'auth/revocation'],
    ['pushedAuthReq', 'pushed_auth_req'],
  ] as const)('%s POSTs its request as JSON to %s', async (method, api) => {
    const { authlete, send } = service({ status: 200, json: { action: 'OK' } });
    const request = { parameters: 'a=b' };
    const call = authlete[method] as (body: object) => Promise<unknown>;
    await expect(call.call(authlete, request)).resolves.toEqual({ action: 'OK' });
    expect(send).toHaveBeenCalledWith({ api, method: 'POST', body: request });
  });

  it.each([
    ['not an object', 'text'],
    ['an array', [{ action: 'OK' }]],
    ['no action', { resultCode: 'A1' }],
    ['a non-string action', { action: 1 }],
    ['an empty body', undefined],
  ])('turns a 200 with %s into an invalid-json AuthleteApiError', async (_why, json) => {
    const { authlete } = service({ status: 200, json });
    const failure = authlete.token({ parameters: '' });
    await expect(failure).rejects.toBeInstanceOf(AuthleteApiError);
    await expect(failure).rejects.toMatchObject({ api: 'auth/token', kind: 'invalid-json' });
  });

  it('GETs service/configuration and returns the raw document', async () => {
    const { authlete, send } = service({ status: 200, json: { issuer: 'x' } });
    await expect(authlete.serviceConfiguration()).resolves.toEqual({ issuer: 'x' });
    expect(send).toHaveBeenCalledWith({ api: 'service/configuration', method: 'GET' });
  });

  it('GETs service/jwks/get without private keys: document, 204 none, 302 redirect', async () => {
    const document = service({ status: 200, json: { keys: [] } });
    await expect(document.authlete.serviceJwks()).resolves.toEqual({
      kind: 'document',
      document: { keys: [] },
    });
    expect(document.send).toHaveBeenCalledWith({
      api: 'service/jwks/get',
      method: 'GET',
      query: { includePrivateKeys: 'false' },
    });
    await expect(service({ status: 204, json: undefined }).authlete.serviceJwks()).resolves.toEqual(
      {
        kind: 'none',
      },
    );
    const moved = service({ status: 302, json: undefined, location: 'https://k.example/jwks' });
    await expect(moved.authlete.serviceJwks()).resolves.toEqual({
      kind: 'redirect',
      location: 'https://k.example/jwks',
    });
  });
});
