import { AuthleteApiError } from '../../authlete/authlete-api.error';
import { checkedJwks, checkedMetadata } from './document-shape';

const METADATA = {
  issuer: 'https://as.example.com',
  token_endpoint: 'https://as.example.com/api/token',
  jwks_uri: 'https://as.example.com/api/jwks',
  response_types_supported: ['code'],
  claims_parameter_supported: true,
};

describe('checkedMetadata (RFC 8414 §2, OIDC Discovery §3)', () => {
  it('passes a well-formed document through unchanged', () => {
    expect(checkedMetadata(METADATA)).toBe(METADATA);
  });

  it.each([
    [{ ...METADATA, issuer: undefined }, 'issuer is not a URL'],
    [{ ...METADATA, issuer: 'not a url' }, 'issuer is not a URL'],
    [{ ...METADATA, token_endpoint: 42 }, 'token_endpoint is not a URL'],
    [{ ...METADATA, jwks_uri: ['x'] }, 'jwks_uri is not a URL'],
    [
      { ...METADATA, response_types_supported: 'code' },
      'response_types_supported is neither a list of strings nor a boolean',
    ],
    [
      { ...METADATA, scopes_supported: ['openid', 7] },
      'scopes_supported is neither a list of strings nor a boolean',
    ],
  ])('refuses %j: %s', (document, problem) => {
    let thrown: unknown;
    try {
      checkedMetadata(document);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AuthleteApiError);
    expect(thrown).toMatchObject({ api: 'service/configuration', resultMessage: problem });
  });
});

describe('checkedJwks (RFC 7517 §5)', () => {
  const key = { kty: 'EC', crv: 'P-256', kid: 'k1', x: 'eA', y: 'eQ' };

  it('passes public key sets, 204 and redirects through', () => {
    const answer = { kind: 'document', document: { keys: [key] } } as const;
    expect(checkedJwks(answer)).toBe(answer);
    expect(checkedJwks({ kind: 'none' })).toEqual({ kind: 'none' });
    expect(checkedJwks({ kind: 'redirect', location: 'https://k' })).toEqual({
      kind: 'redirect',
      location: 'https://k',
    });
  });

  it.each([
    [{}, 'keys is not a list'],
    [{ keys: {} }, 'keys is not a list'],
    [{ keys: ['k'] }, 'a key is not an object'],
    [{ keys: [{ kid: 'k' }] }, 'a key has no kty'],
    [{ keys: [{ ...key, d: 'secret' }] }, 'a key has private members'],
    [{ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }, 'a key has private members'],
  ])('refuses %j: %s', (document, problem) => {
    expect(() => checkedJwks({ kind: 'document', document })).toThrow(AuthleteApiError);
    try {
      checkedJwks({ kind: 'document', document });
    } catch (error) {
      expect(error).toMatchObject({ api: 'service/jwks/get', resultMessage: problem });
    }
  });
});
