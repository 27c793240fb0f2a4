import { OAuthError } from '../oauth.errors';
import { parseBasicCredentials } from './basic-credentials';

const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');

function failure(header: string): OAuthError {
  try {
    parseBasicCredentials(header, 'token');
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error(`no error for ${header}`);
}

describe('parseBasicCredentials (RFC 6749 §2.3.1, RFC 7617)', () => {
  it('returns undefined without a header or with another scheme', () => {
    expect(parseBasicCredentials(undefined, 'token')).toBeUndefined();
    expect(parseBasicCredentials('Bearer abc', 'token')).toBeUndefined();
    expect(parseBasicCredentials('Basically abc', 'token')).toBeUndefined();
  });

  it('form-URL-decodes the id and secret after base64', () => {
    expect(parseBasicCredentials(`Basic ${b64('my%20app:s3cr%3At%2F%2B%26%25%3D')}`, 'x')).toEqual({
      id: 'my app',
      secret: 's3cr:t/+&%=',
    });
    expect(parseBasicCredentials(`basic   ${b64('a+b:c+d')}`, 'x')).toEqual({
      id: 'a b',
      secret: 'c d',
    });
  });

  it('splits at the first colon and allows an empty secret', () => {
    expect(parseBasicCredentials(`Basic ${b64('id:')}`, 'x')).toEqual({ id: 'id', secret: '' });
    expect(parseBasicCredentials(`Basic ${b64('id:a:b')}`, 'x')).toEqual({
      id: 'id',
      secret: 'a:b',
    });
  });

  it.each([
    ['no credentials', 'Basic'],
    ['no credentials, trailing space', 'Basic   '],
    ['bad base64', 'Basic !!!!'],
    ['base64 of the wrong length', `Basic ${b64('id:secret').replace(/=+$/, '')}x`],
    ['two tokens', `Basic ${b64('id:secret')} ${b64('x:y')}`],
    ['no colon', `Basic ${b64('idsecret')}`],
    ['empty id', `Basic ${b64(':secret')}`],
    ['bad percent-encoding in the id', `Basic ${b64('i%d:secret')}`],
    ['bad percent-encoding in the secret', `Basic ${b64('id:se%ZZ')}`],
    ['percent-encoded invalid UTF-8', `Basic ${b64('id:%C3%28')}`],
    ['raw bytes that are not UTF-8', `Basic ${b64(Buffer.from([0x69, 0x64, 0x3a, 0xff, 0xfe]))}`],
  ])('rejects %s with 401 invalid_client and a Basic challenge', (_why, header) => {
    const error = failure(header);
    expect(error.status).toBe(401);
    expect(error.error).toBe('invalid_client');
    expect(error.headers).toEqual({ 'www-authenticate': 'Basic realm="token"' });
  });
});
