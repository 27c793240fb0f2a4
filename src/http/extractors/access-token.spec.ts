import type { FastifyRequest } from 'fastify';
import { OAuthError } from '../oauth.errors';
import { extractAccessToken } from './access-token';
import { parseFormBody } from './form-body';

function request(headers: Record<string, string> = {}, query: object = {}): FastifyRequest {
  return { headers, query } as unknown as FastifyRequest;
}

const form = (raw = '') => parseFormBody(Buffer.from(raw));

function rejection(run: () => unknown): OAuthError {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected an OAuthError');
}

describe('extractAccessToken (RFC 6750 §2, RFC 9449 §7.1)', () => {
  it('reads a Bearer header, case-insensitively', () => {
    expect(extractAccessToken(request({ authorization: 'bearer abc.def' }), form())).toEqual({
      token: 'abc.def',
      scheme: 'Bearer',
      dpop: undefined,
    });
  });

  it('reads a DPoP header together with the DPoP proof', () => {
    const headers = { authorization: 'DPoP tok', dpop: 'proof.jwt' };
    expect(extractAccessToken(request(headers), form())).toEqual({
      token: 'tok',
      scheme: 'DPoP',
      dpop: 'proof.jwt',
    });
  });

  it('reads the form access_token (RFC 6750 §2.2)', () => {
    expect(extractAccessToken(request(), form('access_token=a%2Bb'))?.token).toBe('a+b');
  });

  it('returns undefined when no token is presented', () => {
    expect(extractAccessToken(request(), form())).toBeUndefined();
    expect(extractAccessToken(request({ authorization: 'Basic eDp5' }), form())).toBeUndefined();
  });

  it.each([
    ['header and body at once', { authorization: 'Bearer a' }, {}, 'access_token=b'],
    ['a duplicated form parameter', {}, {}, 'access_token=a&access_token=b'],
    ['a token in the query string', {}, { access_token: 'a' }, ''],
  ])('rejects %s with 400 invalid_request', (_why, headers, query, body) => {
    const error = rejection(() => extractAccessToken(request(headers, query), form(body)));
    expect(error.status).toBe(400);
    expect(error.error).toBe('invalid_request');
  });
});
