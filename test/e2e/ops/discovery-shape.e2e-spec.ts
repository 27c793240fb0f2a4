import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';

const METADATA = {
  issuer: 'http://localhost:8080',
  token_endpoint: 'http://localhost:8080/api/token',
  jwks_uri: 'http://localhost:8080/api/jwks',
};

describe('discovery and JWKS check the shape of Authlete’s answer before caching it', () => {
  let fake: FakeAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url), AUTHLETE_RETRY_MAX_ATTEMPTS: '1' });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('a metadata document without an issuer URL is a 500, not cached: the next good one is served', async () => {
    fake.on('service/configuration', { body: { ...METADATA, issuer: 42 } });
    const bad = await fetch(`${app.url}/.well-known/openid-configuration`);
    expect(bad.status).toBe(500);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    expect(await bad.json()).toEqual({ error: 'server_error' });

    fake.on('service/configuration', { body: METADATA });
    const good = await fetch(`${app.url}/.well-known/oauth-authorization-server`);
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual(METADATA);
  });

  it('a JWK Set carrying private key material is never published', async () => {
    const leaked = { keys: [{ kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', d: 'private' }] };
    fake.on('service/jwks/get', { body: leaked });
    const res = await fetch(`${app.url}/api/jwks`);
    expect(res.status).toBe(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).not.toContain('private');

    fake.on('service/jwks/get', { body: { keys: 'none' } });
    expect((await fetch(`${app.url}/api/jwks`)).status).toBe(500);

    const good = { keys: [{ kty: 'EC', crv: 'P-256', kid: 'k', x: 'eA', y: 'eQ' }] };
    fake.on('service/jwks/get', { body: good });
    const res2 = await fetch(`${app.url}/api/jwks`);
    expect(res2.status).toBe(200);
    expect(await res2.json()).toEqual(good);
  });
});
