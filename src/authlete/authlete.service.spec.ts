import { AUTHLETE_APIS, type ActionApiName } from '../../contract';
import { AuthleteApiError } from './authlete-api.error';
import type { AuthleteRawAnswer, AuthleteTransport } from './authlete-transport';
import { AuthleteService } from './authlete.service';
import { buildCall, callOf } from './call-of';

function service(answer: AuthleteRawAnswer): { authlete: AuthleteService; send: jest.Mock } {
  const send = jest.fn().mockResolvedValue(answer);
  return { authlete: new AuthleteService({ send } as unknown as AuthleteTransport), send };
}

const actionApis = (Object.keys(AUTHLETE_APIS) as (keyof typeof AUTHLETE_APIS)[]).filter(
  (name): name is ActionApiName => AUTHLETE_APIS[name].answer === 'action',
);

describe('AuthleteService', () => {
  it.each(actionApis.map((name) => [name, AUTHLETE_APIS[name].path] as const))(
    '%s POSTs its request as JSON to %s',
    async (name, api) => {
      expect(AUTHLETE_APIS[name].method).toBe('POST');
      const { authlete, send } = service({ status: 200, json: { action: 'OK' } });
      const request = { parameters: 'a=b' } as never;
      await expect(authlete.call(name, request)).resolves.toEqual({ action: 'OK' });
      expect(send).toHaveBeenCalledWith({ api, method: 'POST', body: request });
    },
  );

  it.each([
    ['not an object', 'text'],
    ['an array', [{ action: 'OK' }]],
    ['no action', { resultCode: 'A1' }],
    ['a non-string action', { action: 1 }],
    ['an empty body', undefined],
  ])('turns a 200 with %s into an invalid-json AuthleteApiError', async (_why, json) => {
    const { authlete } = service({ status: 200, json });
    const failure = authlete.call('token', { parameters: '' });
    await expect(failure).rejects.toBeInstanceOf(AuthleteApiError);
    await expect(failure).rejects.toMatchObject({ api: 'auth/token', kind: 'invalid-json' });
  });

  it('GETs service/configuration and returns the raw document', async () => {
    const { authlete, send } = service({ status: 200, json: { issuer: 'x' } });
    await expect(authlete.document('serviceConfiguration', {})).resolves.toEqual({ issuer: 'x' });
    expect(send).toHaveBeenCalledWith({ api: 'service/configuration', method: 'GET' });
  });

  it.each([
    ['not a JSON object', { status: 200, json: ['x'] }],
    ['empty (204)', { status: 204, json: undefined }],
    ['a redirect', { status: 302, json: undefined, location: 'https://x.example/' }],
  ])('turns a document answer that is %s into an invalid-json failure', async (_why, answer) => {
    const { authlete } = service(answer);
    await expect(authlete.document('serviceConfiguration', {})).rejects.toMatchObject({
      api: 'service/configuration',
      kind: 'invalid-json',
    });
  });

  it('GETs client/get/{clientId} with the id in the path, named by its template', async () => {
    const { authlete, send } = service({ status: 200, json: { clientId: 42 } });
    await expect(authlete.document('clientGet', { clientId: 'my client' })).resolves.toEqual({
      clientId: 42,
    });
    expect(send).toHaveBeenCalledWith({
      api: 'client/get/{clientId}',
      path: 'client/get/my%20client',
      method: 'GET',
    });
  });

  it('GETs service/jwks/get without private keys: document, 204 none, 302 redirect', async () => {
    const request = { includePrivateKeys: false } as const;
    const document = service({ status: 200, json: { keys: [] } });
    await expect(document.authlete.documentOrRedirect('serviceJwks', request)).resolves.toEqual({
      kind: 'document',
      document: { keys: [] },
    });
    expect(document.send).toHaveBeenCalledWith({
      api: 'service/jwks/get',
      method: 'GET',
      query: { includePrivateKeys: 'false' },
    });
    const none = service({ status: 204, json: undefined });
    await expect(none.authlete.documentOrRedirect('serviceJwks', request)).resolves.toEqual({
      kind: 'none',
    });
    const moved = service({ status: 302, json: undefined, location: 'https://k.example/jwks' });
    await expect(moved.authlete.documentOrRedirect('serviceJwks', request)).resolves.toEqual({
      kind: 'redirect',
      location: 'https://k.example/jwks',
    });
  });
});

describe('callOf', () => {
  it('sends the request of a POST API as its JSON body, unchanged', () => {
    const request = { parameters: 'grant_type=x', clientId: 'c' };
    expect(callOf('token', request)).toEqual({
      api: 'auth/token',
      method: 'POST',
      body: request,
    });
  });

  it('sends the defined members of a GET request as string query parameters', () => {
    expect(callOf('serviceJwks', { includePrivateKeys: false, pretty: undefined })).toEqual({
      api: 'service/jwks/get',
      method: 'GET',
      query: { includePrivateKeys: 'false' },
    });
  });

  it('fills {x} path segments from the request and leaves them out of the body or query', () => {
    const get = { path: 'client/get/{clientId}', method: 'GET' } as const;
    expect(buildCall(get, { clientId: 'a b/c' })).toEqual({
      api: 'client/get/{clientId}',
      path: 'client/get/a%20b%2Fc',
      method: 'GET',
    });
    const update = { path: 'client/update/{clientId}', method: 'PUT' } as const;
    expect(buildCall(update, { clientId: 42, clientName: 'n' })).toEqual({
      api: 'client/update/{clientId}',
      path: 'client/update/42',
      method: 'PUT',
      body: { clientName: 'n' },
    });
  });
});
