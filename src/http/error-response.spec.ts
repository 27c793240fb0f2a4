import {
  BadRequestException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { AuthleteApiError } from '../authlete/authlete-api.error';
import { toErrorResponse } from './error-response';
import { OAuthError } from './oauth.errors';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

describe('toErrorResponse (RFC 6749 §5.2)', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('keeps an OAuthError with its headers', () => {
    const error = new OAuthError(401, 'invalid_client', 'bad', { 'www-authenticate': 'Basic' });
    expect(toErrorResponse(error)).toEqual({
      status: 401,
      headers: { ...NO_STORE, 'www-authenticate': 'Basic' },
      body: { error: 'invalid_client', error_description: 'bad' },
    });
  });

  it('hides Authlete failures behind server_error', () => {
    const error = new AuthleteApiError(
      'auth/token',
      'http',
      401,
      'A001203',
      'Invalid access token',
    );
    expect(toErrorResponse(error)).toEqual({
      status: 500,
      headers: NO_STORE,
      body: { error: 'server_error' },
    });
  });

  it('answers an unreachable Authlete 503 temporarily_unavailable only on routes declared @UnavailableAs503()', () => {
    const error = new AuthleteApiError('auth/revocation', 'timeout', 0);
    expect(toErrorResponse(error, { unavailableAs503: true }).status).toBe(503);
    expect(toErrorResponse(error, { unavailableAs503: true }).body).toEqual({
      error: 'temporarily_unavailable',
    });
    expect(toErrorResponse(error, { unavailableAs503: false }).status).toBe(500);
    expect(toErrorResponse(error).status).toBe(500);
  });

  it.each([
    [new NotFoundException(), 404, 'not_found'],
    [new BadRequestException('nope'), 400, 'invalid_request'],
    [new PayloadTooLargeException(), 413, 'invalid_request'],
    [Object.assign(new Error('x'), { statusCode: 415 }), 400, 'invalid_request'],
    [new Error('boom'), 500, 'server_error'],
    ['a string', 500, 'server_error'],
  ])('maps %p to %d %s', (exception, status, error) => {
    const response = toErrorResponse(exception);
    expect(response.status).toBe(status);
    expect(response.headers).toEqual(NO_STORE);
    expect(response.body.error).toBe(error);
  });

  it('never puts internal error text in the body of a 500', () => {
    const response = toErrorResponse(new Error('secret internals'));
    expect(JSON.stringify(response.body)).not.toContain('secret internals');
  });
});
