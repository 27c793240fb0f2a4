import axios, { AxiosError } from 'axios';
import { type AuthleteExchange, AuthleteExchangeError } from './authlete-exchange';
import { exchangeAxiosAdapter } from './exchange-axios-adapter';

function client(exchange: AuthleteExchange) {
  return axios.create({
    adapter: exchangeAxiosAdapter(exchange),
    transformRequest: [],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxContentLength: 4096,
  });
}

describe('exchangeAxiosAdapter (axios over an Authlete exchange)', () => {
  it('passes method, path with query, headers, text body and size cap; returns the answer', async () => {
    const exchange = jest
      .fn<ReturnType<AuthleteExchange>, Parameters<AuthleteExchange>>()
      .mockResolvedValue({ status: 400, headers: { 'retry-after': '3' }, body: '{"x":1}' });
    const response = await client(exchange).request({
      url: '/api/1/jwks',
      method: 'GET',
      params: { includePrivateKeys: 'false', pretty: 'a b' },
      headers: { Authorization: 'Bearer t' },
    });
    expect(response).toMatchObject({
      status: 400,
      data: '{"x":1}',
      headers: { 'retry-after': '3' },
    });
    const [sent] = exchange.mock.calls[0] ?? [];
    expect(sent).toMatchObject({
      method: 'GET',
      path: '/api/1/jwks?includePrivateKeys=false&pretty=a+b',
      maxBytes: 4096,
    });
    expect(sent?.headers).toMatchObject({ Authorization: 'Bearer t' });
    expect(sent?.body).toBeUndefined();
  });

  it.each([
    ['timeout', AxiosError.ECONNABORTED],
    ['unreachable', AxiosError.ERR_NETWORK],
    ['too-large', AxiosError.ERR_BAD_RESPONSE],
  ] as const)('turns a %s failure into an AxiosError coded %s', async (failure, code) => {
    const exchange: AuthleteExchange = () =>
      Promise.reject(new AuthleteExchangeError(failure, 'X'));
    const error = await client(exchange)
      .post('/api/1/auth/token', '{}')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({ code });
  });
});
