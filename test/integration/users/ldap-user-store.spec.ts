import { exchangeCode, jwtPayload, userinfo } from '../../e2e/authorization/support/tokens';
import { expectLoginHint } from '../../support/ciba';
import { startTestApp, type TestApp } from '../../support/test-app';
import { startSlapd, type Slapd } from './support/slapd';
import { codeFor, LogCapture, passwordGrant, signIn } from './support/store-journeys';

const SECRETS = ['dave-password', 'erin-password', 'service-secret', 'wrong-Pass-9'];

describe('LdapUserAuthenticator against a real OpenLDAP (USER_STORE=ldap)', () => {
  const logs = new LogCapture();
  let slapd: Slapd;
  let app: TestApp;

  beforeAll(async () => {
    slapd = await startSlapd();
    app = await startTestApp(
      {
        LOG_LEVEL: 'debug',
        USER_STORE: 'ldap',
        LDAP_URL: slapd.url,
        LDAP_BIND_DN: 'cn=oauth-service,ou=services,dc=example,dc=org',
        LDAP_BIND_PASSWORD: 'service-secret',
        LDAP_SEARCH_BASE: 'ou=people,dc=example,dc=org',
        LDAP_DISABLED_FILTER: '(employeeType=disabled)',
        LDAP_TIMEOUT_MS: '2000',
        LDAP_CONNECT_TIMEOUT_MS: '1000',
        LDAP_POOL_SIZE: '2',
        THROTTLE_ENABLED: 'false',
      },
      { logDestination: logs },
    );
  });

  afterAll(async () => {
    await app?.close();
    await slapd?.remove();
  });

  it('signs in through the login page (search, then bind); claims follow the attribute map', async () => {
    const claims = JSON.stringify({ id_token: { name: null, family_name: null } });
    const code = await codeFor(app.url, 'dave', 'dave-password', {
      scope: 'openid email phone',
      claims,
      claims_locales: 'ja',
    });
    const tokens = await exchangeCode(app.url, code);
    const idToken = jwtPayload(tokens['id_token']);
    expect(idToken['sub']).toMatch(/^[0-9a-f-]{36}$/);
    expect(idToken).toMatchObject({ name: 'デイビス デイブ', family_name: 'Davis' });
    expect(await userinfo(app.url, tokens['access_token'])).toMatchObject({
      sub: idToken['sub'],
      email: 'dave@example.org',
      phone_number: '+1 555 0100',
    });
  });

  it('issues tokens through the password grant', async () => {
    const answer = await passwordGrant(app.url, 'dave', 'dave-password');
    expect(answer.status).toBe(200);
    expect(answer.body['access_token']).toEqual(expect.any(String));
  });

  it.each([
    ['a wrong password', 'dave', 'wrong-Pass-9'],
    ['an unknown user', 'nobody', 'wrong-Pass-9'],
    ['a filter-injection attempt', '*', 'dave-password'],
    ['a wildcard that matches several entries', 'd*)(uid=*', 'dave-password'],
  ])(
    'answers %s with the generic message and invalid_request',
    async (_why, username, password) => {
      const page = await signIn(app.url, username, password);
      expect(page.status).toBe(200);
      expect(page.html).toContain('The username or password is incorrect.');
      const grant = await passwordGrant(app.url, username, password);
      expect(grant.status).toBe(400);
      expect(grant.body['error']).toBe('invalid_request');
    },
  );

  it.each([
    ['a username found by the user filter', 'dave', 200],
    ['an unknown username', 'nobody', 400],
    ['a filter-injection attempt', '*', 400],
    ['a disabled account', 'erin', 400],
  ] as const)('resolves a CIBA login_hint that is %s (findByUsername)', (_why, hint, status) =>
    expectLoginHint(app.url, hint, status),
  );

  it('tells a disabled account (disabledFilter) apart only after the right password', async () => {
    expect((await signIn(app.url, 'erin', 'erin-password')).html).toContain(
      'This account is disabled.',
    );
    expect((await signIn(app.url, 'erin', 'wrong-Pass-9')).html).toContain(
      'The username or password is incorrect.',
    );
    expect((await passwordGrant(app.url, 'erin', 'erin-password')).status).toBe(400);
  });

  it('turns a directory outage into a 503 login page and temporarily_unavailable, then recovers', async () => {
    await slapd.stop();
    const page = await signIn(app.url, 'dave', 'dave-password');
    expect(page.status).toBe(503);
    expect(page.html).toContain('Sign-in is temporarily unavailable.');
    const grant = await passwordGrant(app.url, 'dave', 'dave-password');
    expect(grant.status).toBe(503);
    expect(grant.body['error']).toBe('temporarily_unavailable');
    await slapd.start();
    expect((await passwordGrant(app.url, 'dave', 'dave-password')).status).toBe(200);
  });

  it('logs the outage but no password, not even the service account one', () => {
    expect(logs.text).toContain('User store unavailable');
    for (const secret of SECRETS) expect(logs.text).not.toContain(secret);
  });
});
