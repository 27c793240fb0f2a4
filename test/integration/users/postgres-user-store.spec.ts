import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { exchangeCode, jwtPayload, userinfo } from '../../e2e/authorization/support/tokens';
import { expectLoginHint } from '../../support/ciba';
import { startTestApp, type TestApp } from '../../support/test-app';
import { hashArgon2 } from '../../../src/users/passwords/argon2-hash';
import { hashPassword } from '../../../src/users/password-hash';
import { migrateUserSchema } from '../../../src/users/postgres/migrate-user-schema';
import { codeFor, LogCapture, passwordGrant, signIn } from './support/store-journeys';

const DATABASE_URL =
  process.env['USERS_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/oauth_test';
const CHEAP_ARGON2 = { memoryKiB: 8192, timeCost: 1, parallelism: 1 };
const PASSWORDS = {
  ann: 'ann-Argon2-pw',
  ben: 'ben-Scrypt-pw',
  cid: 'cid-Disabled-pw',
} as const;

describe('PostgresUserAuthenticator against a real PostgreSQL (USER_STORE=postgres)', () => {
  const table = `users_it_${randomBytes(4).toString('hex')}`;
  const logs = new LogCapture();
  let pool: Pool;
  let app: TestApp;

  beforeAll(async () => {
    pool = new Pool({ connectionString: DATABASE_URL, max: 2 });
    expect(await migrateUserSchema(pool, table)).toEqual({ applied: [1], version: 1 });
    expect(await migrateUserSchema(pool, table)).toEqual({ applied: [], version: 1 });
    const insert = `INSERT INTO ${table} (subject, username, password_hash, disabled, name, email, email_verified, address, claims, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp(1700000000))`;
    await pool.query(insert, [
      'pg-0001',
      'ann',
      await hashArgon2(PASSWORDS.ann, CHEAP_ARGON2),
      false,
      'Ann Archer',
      'ann@example.net',
      true,
      JSON.stringify({ country: 'JP' }),
      JSON.stringify({ 'name#ja': 'アーチャー アン', nickname: 'annie' }),
    ]);
    await pool.query(insert, [
      'pg-0002',
      'ben',
      await hashPassword(PASSWORDS.ben, { N: 1024, r: 8, p: 1 }),
      false,
      'Ben Baker',
      'ben@example.net',
      false,
      null,
      '{}',
    ]);
    await pool.query(insert, [
      'pg-0003',
      'cid',
      await hashArgon2(PASSWORDS.cid, CHEAP_ARGON2),
      true,
      'Cid Cole',
      null,
      null,
      null,
      '{}',
    ]);
    app = await startTestApp(
      {
        LOG_LEVEL: 'debug',
        USER_STORE: 'postgres',
        USERS_DATABASE_URL: DATABASE_URL,
        USERS_TABLE: table,
        PASSWORD_ARGON2_MEMORY_KIB: String(CHEAP_ARGON2.memoryKiB),
        PASSWORD_ARGON2_TIME_COST: String(CHEAP_ARGON2.timeCost),
        PASSWORD_ARGON2_PARALLELISM: String(CHEAP_ARGON2.parallelism),
        THROTTLE_ENABLED: 'false',
      },
      { logDestination: logs },
    );
  });

  afterAll(async () => {
    await app?.close();
    await pool?.query(`DROP TABLE IF EXISTS ${table}, ${table}_schema_migrations`);
    await pool?.end();
  });

  it('signs in through the login page; claims come from the columns and the JSON column', async () => {
    const claims = JSON.stringify({ id_token: { name: null, nickname: null, address: null } });
    const code = await codeFor(app.url, 'ann', PASSWORDS.ann, {
      scope: 'openid email',
      claims,
      claims_locales: 'ja',
    });
    const tokens = await exchangeCode(app.url, code);
    expect(jwtPayload(tokens['id_token'])).toMatchObject({
      sub: 'pg-0001',
      name: 'アーチャー アン',
      nickname: 'annie',
      address: { country: 'JP' },
    });
    expect(await userinfo(app.url, tokens['access_token'])).toMatchObject({
      sub: 'pg-0001',
      email: 'ann@example.net',
      email_verified: true,
    });
  });

  it('issues tokens through the password grant', async () => {
    const answer = await passwordGrant(app.url, 'ann', PASSWORDS.ann);
    expect(answer.status).toBe(200);
    expect(answer.body['access_token']).toEqual(expect.any(String));
  });

  it.each([
    ['a username', 'ann', 200],
    ['a subject', 'pg-0002', 200],
    ['an unknown username', 'nobody', 400],
    ['a disabled account', 'cid', 400],
  ] as const)('resolves a CIBA login_hint that is %s (findByUsername)', (_why, hint, status) =>
    expectLoginHint(app.url, hint, status),
  );

  it('verifies a scrypt hash and re-hashes it as argon2id on login', async () => {
    const before = await pool.query<{ password_hash: string }>(
      `SELECT password_hash FROM ${table} WHERE subject = 'pg-0002'`,
    );
    expect(before.rows[0]?.password_hash).toMatch(/^\$scrypt\$/);
    expect((await passwordGrant(app.url, 'ben', PASSWORDS.ben)).status).toBe(200);
    const after = await pool.query<{ password_hash: string }>(
      `SELECT password_hash FROM ${table} WHERE subject = 'pg-0002'`,
    );
    expect(after.rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=8192,(t=1,p=1|p=1,t=1)\$/);
    expect((await signIn(app.url, 'ben', PASSWORDS.ben)).html).toContain(
      'name="decision" value="approve"',
    );
  });

  it.each([
    ['a wrong password', 'ann', 'not-the-password'],
    ['an unknown user', 'nobody', 'whatever-password'],
  ])(
    'answers %s with the same login-page message and invalid_request at the token endpoint',
    async (_why, username, password) => {
      const page = await signIn(app.url, username, password);
      expect(page.status).toBe(200);
      expect(page.html).toContain('The username or password is incorrect.');
      const grant = await passwordGrant(app.url, username, password);
      expect(grant.status).toBe(400);
      expect(grant.body['error']).toBe('invalid_request');
    },
  );

  it('tells a disabled account apart only after the right password', async () => {
    const right = await signIn(app.url, 'cid', PASSWORDS.cid);
    expect(right.html).toContain('This account is disabled.');
    const wrong = await signIn(app.url, 'cid', 'wrong-password');
    expect(wrong.html).toContain('The username or password is incorrect.');
    expect(wrong.html).not.toContain('disabled');
    const grant = await passwordGrant(app.url, 'cid', PASSWORDS.cid);
    expect(grant.status).toBe(400);
    expect(grant.body['error']).toBe('invalid_request');
  });

  it('logs no password and no hash', () => {
    const text = logs.text;
    expect(text.length).toBeGreaterThan(0);
    for (const password of Object.values(PASSWORDS)) expect(text).not.toContain(password);
    expect(text).not.toContain('$argon2id$');
    expect(text).not.toContain('$scrypt$');
  });
});
