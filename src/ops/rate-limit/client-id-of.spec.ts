import type { FastifyRequest } from 'fastify';
import { parseFormBody } from '../../http/extractors/form-body';
import { clientIdOf } from './client-id-of';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

function request(options: { authorization?: string; form?: string; url?: string }): FastifyRequest {
  return {
    headers: options.authorization === undefined ? {} : { authorization: options.authorization },
    body: options.form === undefined ? undefined : parseFormBody(Buffer.from(options.form)),
    url: options.url ?? '/api/token',
  } as FastifyRequest;
}

describe('clientIdOf (the client a request names, for per-client counters)', () => {
  it('reads the Basic user with the shared decoder: form-URL-decoded (RFC 6749 §2.3.1)', () => {
    expect(clientIdOf(request({ authorization: `Basic ${b64('my%20app:secret')}` }))).toBe(
      'my app',
    );
    expect(clientIdOf(request({ authorization: `basic   ${b64('a+b:c')}` }))).toBe('a b');
  });

  it('treats a malformed Basic header as naming no client, and falls back to the form', () => {
    expect(clientIdOf(request({ authorization: `Basic ${b64(':secret')}` }))).toBeUndefined();
    expect(clientIdOf(request({ authorization: `Basic ${b64('i%d:s')}` }))).toBeUndefined();
    expect(clientIdOf(request({ authorization: 'Basic !!!!', form: 'client_id=from-form' }))).toBe(
      'from-form',
    );
  });

  it('reads client_id from the form, the sub of a client_assertion, then the query', () => {
    expect(clientIdOf(request({ form: 'client_id=form-client' }))).toBe('form-client');
    const assertion = `e30.${Buffer.from('{"sub":"jwt-client"}').toString('base64url')}.sig`;
    expect(clientIdOf(request({ form: `client_assertion=${assertion}` }))).toBe('jwt-client');
    expect(clientIdOf(request({ url: '/api/authorization?client_id=q-client' }))).toBe('q-client');
    expect(clientIdOf(request({}))).toBeUndefined();
  });

  it('caps the id at 256 characters', () => {
    expect(clientIdOf(request({ form: `client_id=${'x'.repeat(1000)}` }))).toHaveLength(256);
  });
});
