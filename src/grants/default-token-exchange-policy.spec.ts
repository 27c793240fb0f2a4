import { DefaultTokenExchangePolicy } from './default-token-exchange-policy';
import type { TokenExchangeRequest } from './token-exchange-policy';

const request = (extra: Partial<TokenExchangeRequest> = {}): TokenExchangeRequest => ({
  client: { clientId: 1, clientIdAlias: 'demo-exchange' },
  subjectToken: {
    tokenType: 'ACCESS_TOKEN',
    subject: '1001',
    issuer: 'http://localhost:8080',
    scopes: ['read', 'write'],
  },
  requestedScopes: [],
  audiences: [],
  resources: [],
  ...extra,
});

describe('DefaultTokenExchangePolicy (docs/token-exchange.md)', () => {
  const policy = new DefaultTokenExchangePolicy();

  it('narrows scopes and turns audience URIs and resources into the token audience', async () => {
    await expect(
      policy.decide(
        request({
          requestedScopes: ['read'],
          audiences: ['https://a.example/api'],
          resources: ['https://b.example/'],
        }),
      ),
    ).resolves.toEqual({
      allowed: true,
      scopes: ['read'],
      resources: ['https://b.example/', 'https://a.example/api'],
    });
    await expect(policy.decide(request())).resolves.toMatchObject({ scopes: ['read', 'write'] });
  });

  it('refuses wider scopes, logical audiences and other token types', async () => {
    await expect(policy.decide(request({ requestedScopes: ['admin'] }))).resolves.toMatchObject({
      allowed: false,
      error: 'invalid_scope',
    });
    await expect(policy.decide(request({ audiences: ['orders'] }))).resolves.toMatchObject({
      allowed: false,
      error: 'invalid_target',
    });
    await expect(
      policy.decide(request({ requestedTokenType: 'REFRESH_TOKEN' })),
    ).resolves.toMatchObject({ allowed: false, error: 'invalid_request' });
  });

  it('a foreign JWT carries no scopes: only the issuer’s configured scopes may be asked for', async () => {
    const foreign = request({
      subjectToken: { tokenType: 'JWT', subject: '1001', issuer: 'https://idp.example' },
      issuerScopes: ['read'],
    });
    await expect(policy.decide({ ...foreign, requestedScopes: ['read'] })).resolves.toMatchObject({
      allowed: true,
      scopes: ['read'],
    });
    await expect(policy.decide({ ...foreign, requestedScopes: ['write'] })).resolves.toMatchObject({
      allowed: false,
    });
  });
});
