import { randomUUID } from 'node:crypto';
import { useFakeAuthleteApp } from '../../support/test-app';
import { demoJwt, EXCHANGE, postForm } from './grant-helpers';

/**
 * JWT_BEARER and TOKEN_EXCHANGE against a fake Authlete (authlete-api.md §6.4, §7.4, §7.5): what
 * the service sends to `/auth/token/create` once it has verified a trusted issuer's JWT itself.
 */
describe('JWT bearer and token exchange wire calls (fake Authlete)', () => {
  const suite = useFakeAuthleteApp();

  const created = {
    action: 'OK',
    accessToken: 'at-opaque',
    jwtAccessToken: 'at.jwt.value',
    tokenType: 'Bearer',
    expiresIn: 600,
    scopes: ['read'],
    refreshToken: 'rt-new',
  };

  it('JWT_BEARER with a valid assertion → /auth/token/create {grantType JWT_BEARER, clientId, mapped subject, scopes} → 200', async () => {
    suite.fake.reset();
    const assertion = await demoJwt({ jti: randomUUID() });
    suite.fake.on('auth/token', {
      body: {
        action: 'JWT_BEARER',
        clientId: 1009,
        clientIdAliasUsed: true,
        assertion,
        scopes: ['read', 'admin'],
      },
    });
    suite.fake.on('auth/token/create', { body: created });
    const answer = await postForm(
      `${suite.app.url}/api/token`,
      { grant_type: 'x', assertion },
      EXCHANGE,
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      access_token: 'at.jwt.value',
      token_type: 'Bearer',
      expires_in: 600,
      scope: 'read',
      refresh_token: 'rt-new',
    });
    // The demo issuer may only grant its configured scopes (config/trusted-issuers.json).
    expect(suite.fake.callsTo('auth/token/create')[0]?.body).toEqual({
      grantType: 'JWT_BEARER',
      clientId: 1009,
      clientIdAliasUsed: true,
      subject: '1001',
      scopes: ['read'],
    });
  });

  it('TOKEN_EXCHANGE with a trusted issuer JWT and an actor token → /auth/token/create with the act claim', async () => {
    suite.fake.reset();
    suite.fake.on('auth/token', {
      body: {
        action: 'TOKEN_EXCHANGE',
        clientId: 1009,
        subjectToken: await demoJwt({ sub: '1002' }),
        subjectTokenType: 'JWT',
        actorToken: 'at-actor',
        actorTokenType: 'ACCESS_TOKEN',
        actorTokenInfo: { clientId: 1003, clientIdAlias: 'demo-service' },
        scopes: ['read'],
        resources: ['https://rs.example/a'],
      },
    });
    suite.fake.on('auth/token/create', { body: created });
    const answer = await postForm(`${suite.app.url}/api/token`, { grant_type: 'x' }, EXCHANGE);
    expect(answer.status).toBe(200);
    expect(answer.json.issued_token_type).toBe('urn:ietf:params:oauth:token-type:access_token');
    expect(suite.fake.callsTo('auth/token/create')[0]?.body).toEqual({
      grantType: 'TOKEN_EXCHANGE',
      clientId: 1009,
      subject: '1002',
      scopes: ['read'],
      resources: ['https://rs.example/a'],
      jwtAtClaims: JSON.stringify({ act: { sub: 'demo-service' } }),
      properties: [{ key: 'act', value: '{"sub":"demo-service"}', hidden: false }],
    });
  });
});
