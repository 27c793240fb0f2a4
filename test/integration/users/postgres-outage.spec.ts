import { startTestApp, type TestApp } from '../../support/test-app';
import { LogCapture, passwordGrant, signIn } from './support/store-journeys';

// Its own file: Nest's logger is process-wide, so each app that captures logs runs alone.
const PASSWORD = 'ann-Argon2-pw';

describe('PostgresUserAuthenticator when the database is down', () => {
  const logs = new LogCapture();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(
      {
        LOG_LEVEL: 'info',
        USER_STORE: 'postgres',
        USERS_DATABASE_URL: 'postgres://postgres:db-Secret-pw@127.0.0.1:1/oauth_test',
        THROTTLE_ENABLED: 'false',
      },
      { logDestination: logs },
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a 503 login page that says sign-in is unavailable, not a 500', async () => {
    const page = await signIn(app.url, 'ann', PASSWORD);
    expect(page.status).toBe(503);
    expect(page.html).toContain('Sign-in is temporarily unavailable.');
    expect(page.html).toContain('name="password"');
  });

  it('answers the password grant 503 temporarily_unavailable with Retry-After', async () => {
    const grant = await passwordGrant(app.url, 'ann', PASSWORD);
    expect(grant.status).toBe(503);
    expect(grant.body['error']).toBe('temporarily_unavailable');
    expect(grant.headers.get('retry-after')).toBe('30');
    expect(grant.headers.get('cache-control')).toBe('no-store');
  });

  it('logs the outage without the password or the database credentials', () => {
    expect(logs.text).toContain('User store unavailable');
    expect(logs.text).not.toContain(PASSWORD);
    expect(logs.text).not.toContain('db-Secret-pw');
  });
});
