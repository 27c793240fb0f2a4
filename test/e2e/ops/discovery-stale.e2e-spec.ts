import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';

/**
 * Discovery and JWKS are cached for 60 s and served stale when Authlete fails (RFC 5861 §4
 * semantics). The clock is moved forward instead of waiting: Date.now is shifted before the app
 * starts, so the caches read the shifted clock.
 */
describe('discovery and JWKS are served stale during an Authlete outage', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  let shift = 0;
  const realNow = Date.now.bind(Date);
  beforeAll(async () => {
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + shift);
    fake = await startFaultAuthlete();
    fake.answer('service/configuration', { issuer: 'https://as.example', version: 'A' });
    fake.answer('service/jwks/get', { keys: [{ kty: 'EC', kid: 'k1' }] });
    app = await startTestApp({
      ...fakeAuthleteEnv(fake.url),
      AUTHLETE_TIMEOUT_MS: '200',
      AUTHLETE_RETRY_MAX_ATTEMPTS: '1',
      THROTTLE_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    jest.restoreAllMocks();
  });

  const discovery = () => fetch(`${app.url}/.well-known/openid-configuration`);
  const jwks = () => fetch(`${app.url}/api/jwks`);

  it('serves the last good documents when the reload fails, and fresh ones after recovery', async () => {
    expect(await (await discovery()).json()).toEqual({
      issuer: 'https://as.example',
      version: 'A',
    });
    expect(await (await jwks()).json()).toEqual({ keys: [{ kty: 'EC', kid: 'k1' }] });

    for (const fault of [{ kind: 'status', status: 500 }, { kind: 'garbage' }] as const) {
      fake.fault(fault);
      shift += 61_000;
      const loadsBefore = fake.callsTo('service/configuration').length;
      const stale = await discovery();
      expect(stale.status).toBe(200);
      expect(await stale.json()).toEqual({ issuer: 'https://as.example', version: 'A' });
      expect(fake.callsTo('service/configuration').length).toBeGreaterThan(loadsBefore);
      const staleKeys = await jwks();
      expect(staleKeys.status).toBe(200);
      expect(await staleKeys.json()).toEqual({ keys: [{ kty: 'EC', kid: 'k1' }] });
    }

    await fake.down();
    shift += 61_000;
    expect((await discovery()).status).toBe(200);
    expect((await jwks()).status).toBe(200);
    await fake.up();

    fake.fault({ kind: 'none' });
    fake.answer('service/configuration', { issuer: 'https://as.example', version: 'B' });
    shift += 61_000;
    expect(await (await discovery()).json()).toEqual({
      issuer: 'https://as.example',
      version: 'B',
    });
  });
});
