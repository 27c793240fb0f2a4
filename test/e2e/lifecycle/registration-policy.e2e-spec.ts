import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startTestApp, type TestApp } from '../../support/test-app';

const METADATA = { redirect_uris: ['https://rp.example.com/cb'], client_name: 'In the clear' };
const ISSUER = 'https://registry.example.com';
type SigningKey = Parameters<SignJWT['sign']>[0];

async function register(
  app: TestApp,
  metadata: object,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown>; challenge: string | null }> {
  const response = await fetch(`${app.url}/api/register`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(metadata),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    challenge: response.headers.get('www-authenticate'),
  };
}

describe('registration policy (RFC 7591 §3)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ssa-'));
  let signer: SigningKey;
  let stranger: SigningKey;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    signer = pair.privateKey;
    stranger = (await generateKeyPair('ES256')).privateKey;
    writeFileSync(
      join(dir, 'jwks.json'),
      JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), alg: 'ES256' }] }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const statement = (key: SigningKey, claims: object, iss = ISSUER) =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(iss)
      .setIssuedAt()
      .sign(key);

  describe('NODE_ENV=production with nothing configured: closed', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        USERS_ALLOW_DEMO: 'true',
        ENGINE_ALLOW_PRODUCTION: 'true',
        AUTHLETE_BASE_URL: undefined,
      });
    });
    afterAll(() => app.close());

    it('403 access_denied; nothing is registered', async () => {
      const refused = await register(app, METADATA);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('access_denied');
    });
  });

  describe('closed, with initial access tokens and a trusted software-statement issuer', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({
        AUTHLETE_BASE_URL: undefined,
        REGISTRATION_OPEN: 'false',
        REGISTRATION_INITIAL_ACCESS_TOKENS: 'iat-one, iat-two',
        REGISTRATION_SOFTWARE_STATEMENT_ISSUER: ISSUER,
        REGISTRATION_SOFTWARE_STATEMENT_JWKS_FILE: join(dir, 'jwks.json'),
        THROTTLE_REGISTER_LIMIT_PER_IP: '8',
      });
    });
    afterAll(() => app.close());

    it('without credentials: 401 with a Bearer challenge; a wrong token: 401 invalid_token', async () => {
      const anonymous = await register(app, METADATA);
      expect(anonymous.status).toBe(401);
      expect(anonymous.challenge).toBe('Bearer realm="register"');
      const wrong = await register(app, METADATA, 'iat-three');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toBe('invalid_token');
      expect(wrong.challenge).toContain('error="invalid_token"');
    });

    it('a valid initial access token registers; a valid software statement registers and wins over clear metadata', async () => {
      expect((await register(app, METADATA, 'iat-two')).status).toBe(201);
      const signed = await statement(signer, {
        client_name: 'From the statement',
        software_id: 'sw-1',
      });
      const created = await register(app, { ...METADATA, software_statement: signed });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        client_name: 'From the statement',
        software_id: 'sw-1',
        software_statement: signed,
      });
    });

    it('a statement signed by another key or issuer is 400 invalid_software_statement', async () => {
      const forged = await register(app, {
        ...METADATA,
        software_statement: await statement(stranger, {}),
      });
      expect(forged.status).toBe(400);
      expect(forged.body.error).toBe('invalid_software_statement');
      const otherIssuer = await register(app, {
        ...METADATA,
        software_statement: await statement(signer, {}, 'https://evil.example'),
      });
      expect(otherIssuer.body.error).toBe('invalid_software_statement');
    });

    it('registration is rate limited per IP: 429 with Retry-After', async () => {
      let last: Response | undefined;
      for (let i = 0; i < 5; i += 1) {
        last = await fetch(`${app.url}/api/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
      }
      expect(last!.status).toBe(429);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
