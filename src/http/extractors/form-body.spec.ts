import { OAuthError } from '../oauth.errors';
import { parseFormBody, singleParam } from './form-body';

function rejection(run: () => unknown): OAuthError {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected an OAuthError');
}

describe('parseFormBody (application/x-www-form-urlencoded)', () => {
  it('keeps the raw text byte for byte and parses the parameters', () => {
    const raw = 'scope=a+b%20c&grant_type=x&scope=dup&empty=&%E2%9C%93=%E2%9C%93';
    const body = parseFormBody(Buffer.from(raw));
    expect(body.raw).toBe(raw);
    expect(body.params.getAll('scope')).toEqual(['a b c', 'dup']);
    expect(body.params.get('✓')).toBe('✓');
  });

  it('accepts an empty body', () => {
    expect(parseFormBody(Buffer.alloc(0)).raw).toBe('');
  });

  it.each([
    ['raw bytes that are not UTF-8', Buffer.from([0x61, 0x3d, 0xff, 0xfe])],
    ['a truncated escape', Buffer.from('a=%4')],
    ['a non-hex escape', Buffer.from('a=%ZZ')],
    ['an escape of invalid UTF-8', Buffer.from('a=%C3%28')],
    ['a lone surrogate escape', Buffer.from('a=%ED%A0%80')],
  ])('rejects %s with 400 invalid_request', (_why, buffer) => {
    const error = rejection(() => parseFormBody(buffer));
    expect(error.status).toBe(400);
    expect(error.error).toBe('invalid_request');
  });
});

describe('singleParam (RFC 6749 §3.1: parameters must not repeat)', () => {
  it('returns the only value, or undefined', () => {
    const params = new URLSearchParams('a=1');
    expect(singleParam(params, 'a')).toBe('1');
    expect(singleParam(params, 'b')).toBeUndefined();
  });

  it('rejects a repeated parameter', () => {
    expect(rejection(() => singleParam(new URLSearchParams('a=1&a=2'), 'a')).status).toBe(400);
  });
});
