import { parseTrustedIssuers } from './trusted-issuers-file';

const KEY = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k' };
const entry = (extra: Record<string, unknown> = {}) => ({
  issuer: 'https://idp.example',
  jwks: { keys: [KEY] },
  algorithms: ['ES256'],
  ...extra,
});
const parse = (value: unknown, production = false) =>
  parseTrustedIssuers(JSON.stringify(value), 'trusted.json', production);

describe('parseTrustedIssuers (docs/trusted-issuers.md)', () => {
  it('reads an entry with its defaults: both uses, users mapping, 300 s lifetime', () => {
    const { issuers, errors } = parse({ trustedIssuers: [entry()] });
    expect(errors).toEqual([]);
    expect(issuers).toEqual([
      {
        issuer: 'https://idp.example',
        jwks: { keys: [KEY] },
        jwksUri: undefined,
        algorithms: ['ES256'],
        uses: ['jwt-bearer', 'token-exchange'],
        subjects: 'users',
        subjectPrefix: '',
        audiences: [],
        maxLifetimeSeconds: 300,
        scopes: undefined,
        demo: false,
      },
    ]);
  });

  it('reports every problem, one line each, naming the file and the field', () => {
    const { errors } = parse({
      trustedIssuers: [
        entry({ algorithms: ['HS256', 'none'] }),
        entry({ issuer: 'not a url', jwksUri: 'https://idp.example/jwks' }),
        entry({ jwks: { keys: [{ ...KEY, d: 'secret' }] }, subjects: 'everyone' }),
        entry({ maxLifetimeSeconds: 0, uses: ['login'] }),
        entry(),
        entry(),
      ],
    });
    expect(errors).toEqual([
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[0].algorithms: "HS256" is not an asymmetric JWS algorithm',
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[0].algorithms: "none" is not an asymmetric JWS algorithm',
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[1].issuer: must be an absolute URL',
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[1]: exactly one of jwks and jwksUri is required',
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[2].jwks.keys[0]: must be a public key (no d or k)',
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[2].subjects: must be one of users, prefixed',
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[3].uses: must be a list of jwt-bearer, token-exchange, ciba-login-hint-token',
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[3].maxLifetimeSeconds: must be a positive integer',
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[5].issuer: "https://idp.example" is listed twice',
    ]);
  });

  it('refuses a demo issuer with NODE_ENV=production, and a file that is not the expected JSON', () => {
    expect(parse({ trustedIssuers: [entry({ demo: true })] }, true).errors).toEqual([
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers[0]: the demo issuer https://idp.example is refused with NODE_ENV=production',
    ]);
    expect(parseTrustedIssuers('{', 'trusted.json', false).errors).toEqual([
      'TRUSTED_ISSUERS_FILE trusted.json: not valid JSON',
    ]);
    expect(parse({ issuers: [] }).errors).toEqual([
      'TRUSTED_ISSUERS_FILE trusted.json: trustedIssuers must be an array',
    ]);
  });
});
