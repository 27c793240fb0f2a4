import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, decodeJwt, SignJWT } from 'jose';
import { dpopKey, type DpopKey } from './dpop-proof';
import { exchangeCode, form, obtainCode, SPA_REDIRECT } from './flow-helpers';
import { content, EngineHarness, ISSUER } from './harness';

const TOKEN_URL = `${ISSUER}/api/token`;
const USERINFO_URL = `${ISSUER}/api/userinfo`;
const RS_URL = 'https://rs.example.com/resource';
const CERT_A = readFileSync(join(__dirname, 'fixtures', 'client-cert-a.pem'), 'utf8');
const CERT_B = readFileSync(join(__dirname, 'fixtures', 'client-cert-b.pem'), 'utf8');
const SERVICE = { clientId: 'demo-service', clientSecret: 'demo-service-secret' };

describe('sender-constrained tokens: DPoP (RFC 9449) and mTLS (RFC 8705)', () => {
  let engine: EngineHarness;
  let key: DpopKey;
  beforeAll(async () => {
    engine = await EngineHarness.create((config) => {
      const clients = config.clients as unknown as Record<string, unknown>[];
      const service = clients.find((client) => client.clientIdAlias === 'demo-service');
      if (service !== undefined) service.tlsClientCertificateBoundAccessTokens = true;
    });
    key = await dpopKey();
  });
  afterAll(() => engine.close());

  async function dpopToken(proof: string, certificate = CERT_A) {
    return engine.call('/auth/token', {
      parameters: form({ grant_type: 'client_credentials', scope: 'read' }),
      ...SERVICE,
      dpop: proof,
      htm: 'POST',
      htu: TOKEN_URL,
      clientCertificate: certificate,
    });
  }

  async function boundToken(): Promise<string> {
    const response = await dpopToken(await key.proof({ htm: 'POST', htu: TOKEN_URL }));
    expect(response.body.action).toBe('OK');
    return content(response).access_token as string;
  }

  function introspect(token: string, extra: Record<string, unknown>) {
    return engine.call('/auth/introspection', {
      token,
      htm: 'GET',
      htu: RS_URL,
      clientCertificate: CERT_A,
      ...extra,
    });
  }

  it('a good proof gives token_type DPoP; introspection with a proof of the same key is OK with certificateThumbprint', async () => {
    const response = await dpopToken(await key.proof({ htm: 'POST', htu: `${TOKEN_URL}?x=1#f` }));
    expect(response.body.action).toBe('OK');
    expect(content(response).token_type).toBe('DPoP');
    const token = content(response).access_token as string;
    const proof = await key.proof({ htm: 'GET', htu: RS_URL, accessToken: token });
    const introspection = await introspect(token, { dpop: proof });
    expect(introspection.body.action).toBe('OK');
    expect(typeof introspection.body.certificateThumbprint).toBe('string');
  });

  it.each([
    ['wrong htm', { htm: 'GET', htu: TOKEN_URL }],
    ['wrong htu', { htm: 'POST', htu: `${ISSUER}/api/other` }],
    ['stale iat', { htm: 'POST', htu: TOKEN_URL, iat: Math.floor(Date.now() / 1000) - 3600 }],
  ])('%s at /auth/token is BAD_REQUEST invalid_dpop_proof', async (_name, claims) => {
    const response = await dpopToken(await key.proof(claims));
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response).error).toBe('invalid_dpop_proof');
  });

  it('a replayed jti is refused', async () => {
    const proof = await key.proof({ htm: 'POST', htu: TOKEN_URL });
    expect((await dpopToken(proof)).body.action).toBe('OK');
    const replay = await dpopToken(proof);
    expect(content(replay).error).toBe('invalid_dpop_proof');
  });

  it('alg none and HS256 proofs are refused', async () => {
    const payload = { htm: 'POST', htu: TOKEN_URL, jti: 'x1', iat: Math.floor(Date.now() / 1000) };
    const none = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'dpop+jwt', jwk: key.publicJwk })).toString(
        'base64url',
      ),
      Buffer.from(JSON.stringify(payload)).toString('base64url'),
      '',
    ].join('.');
    const hs256 = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'dpop+jwt', jwk: key.publicJwk })
      .sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!'));
    for (const proof of [none, hs256, 'not-a-jwt']) {
      const response = await dpopToken(proof);
      expect(response.body.action).toBe('BAD_REQUEST');
      expect(content(response).error).toBe('invalid_dpop_proof');
    }
  });

  it('introspection without a proof, with a proof missing ath, or of another key is UNAUTHORIZED with a DPoP challenge', async () => {
    const token = await boundToken();
    const other = await dpopKey();
    const cases = [
      [{}, 'invalid_token'],
      [{ dpop: await key.proof({ htm: 'GET', htu: RS_URL }) }, 'invalid_dpop_proof'],
      [
        { dpop: await other.proof({ htm: 'GET', htu: RS_URL, accessToken: token }) },
        'invalid_dpop_proof',
      ],
      [
        { dpop: await key.proof({ htm: 'POST', htu: RS_URL, accessToken: token }) },
        'invalid_dpop_proof',
      ],
    ] as const;
    for (const [extra, error] of cases) {
      const response = await introspect(token, extra);
      expect(response.body.action).toBe('UNAUTHORIZED');
      expect(response.body.responseContent).toMatch(new RegExp(`^DPoP error="${error}",.*algs="`));
    }
  });

  it('a certificate-bound token needs the same certificate at introspection', async () => {
    const token = await boundToken();
    const dpop = () => key.proof({ htm: 'GET', htu: RS_URL, accessToken: token });
    const other = await introspect(token, { dpop: await dpop(), clientCertificate: CERT_B });
    expect(other.body.action).toBe('UNAUTHORIZED');
    expect(other.body.responseContent).toMatch(/^Bearer error="invalid_token"/);
    const none = await introspect(token, { dpop: await dpop(), clientCertificate: undefined });
    expect(none.body.action).toBe('UNAUTHORIZED');
  });

  it('a client with tlsClientCertificateBoundAccessTokens needs a certificate at /auth/token', async () => {
    const response = await engine.call('/auth/token', {
      parameters: form({ grant_type: 'client_credentials', scope: 'read' }),
      ...SERVICE,
    });
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response).error).toBe('invalid_request');
  });

  it('standard introspection reports token_type DPoP and cnf (jkt and x5t#S256)', async () => {
    const token = await boundToken();
    const response = await engine.call('/auth/introspection/standard', {
      parameters: form({ token }),
    });
    const body = content(response);
    expect(body.token_type).toBe('DPoP');
    const cnf = body.cnf as Record<string, unknown>;
    expect(cnf.jkt).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
    expect(cnf['x5t#S256']).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('a public client gets a bound refresh token: refresh needs a proof of the same key', async () => {
    const { code } = await obtainCode(engine, {
      client_id: 'demo-spa',
      redirect_uri: SPA_REDIRECT,
    });
    const proof = await key.proof({ htm: 'POST', htu: TOKEN_URL });
    const issued = await exchangeCode(
      engine,
      code,
      { client_id: 'demo-spa', redirect_uri: SPA_REDIRECT },
      { dpop: proof, htm: 'POST', htu: TOKEN_URL },
    );
    expect(issued.body.action).toBe('OK');
    const refreshToken = content(issued).refresh_token as string;
    const refresh = async (extra: Record<string, string>) =>
      engine.call('/auth/token', {
        parameters: form({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: 'demo-spa',
        }),
        htm: 'POST',
        htu: TOKEN_URL,
        ...extra,
      });
    expect(content(await refresh({})).error).toBe('invalid_dpop_proof');
    const other = await dpopKey();
    const wrong = await refresh({ dpop: await other.proof({ htm: 'POST', htu: TOKEN_URL }) });
    expect(content(wrong).error).toBe('invalid_dpop_proof');
    const right = await refresh({ dpop: await key.proof({ htm: 'POST', htu: TOKEN_URL }) });
    expect(right.body.action).toBe('ID_TOKEN_REISSUABLE');
    expect(content(right).token_type).toBe('DPoP');
  });

  it('a public client with certificate-bound tokens: refresh needs the same certificate (RFC 8705 §3)', async () => {
    const mtls = await EngineHarness.create((config) => {
      const clients = config.clients as unknown as Record<string, unknown>[];
      const spa = clients.find((client) => client.clientIdAlias === 'demo-spa');
      if (spa !== undefined) spa.tlsClientCertificateBoundAccessTokens = true;
    });
    try {
      const { code } = await obtainCode(mtls, {
        client_id: 'demo-spa',
        redirect_uri: SPA_REDIRECT,
      });
      const issued = await exchangeCode(
        mtls,
        code,
        { client_id: 'demo-spa', redirect_uri: SPA_REDIRECT },
        { clientCertificate: CERT_A },
      );
      expect(issued.body.action).toBe('OK');
      const refreshToken = content(issued).refresh_token as string;
      const refresh = (clientCertificate?: string) =>
        mtls.call('/auth/token', {
          parameters: form({
            grant_type: 'refresh_token',
            refresh_token: refreshToken,
            client_id: 'demo-spa',
          }),
          clientCertificate,
        });
      const other = await refresh(CERT_B);
      expect(other.body).toMatchObject({ action: 'BAD_REQUEST', resultCode: 'A051375' });
      expect(content(other).error).toBe('invalid_grant');
      // No certificate at all: the client's own rule answers first (RFC 8705 §3).
      expect(content(await refresh()).error).toBe('invalid_request');
      const same = await refresh(CERT_A);
      expect(same.body.action).toBe('ID_TOKEN_REISSUABLE');
      const token = content(same).access_token as string;
      const answer = await mtls.call('/auth/introspection/standard', {
        parameters: form({ token }),
      });
      expect((content(answer).cnf as Record<string, unknown>)['x5t#S256']).toMatch(/^[\w-]{43}$/);
    } finally {
      await mtls.close();
    }
  });

  it('a client with dpopRequired is refused without a proof; userinfo of a bound token needs a proof', async () => {
    const strict = await EngineHarness.create((config) => {
      const clients = config.clients as unknown as Record<string, unknown>[];
      const spa = clients.find((client) => client.clientIdAlias === 'demo-spa');
      if (spa !== undefined) spa.dpopRequired = true;
    });
    try {
      const { code } = await obtainCode(strict, {
        client_id: 'demo-spa',
        redirect_uri: SPA_REDIRECT,
      });
      const params = { client_id: 'demo-spa', redirect_uri: SPA_REDIRECT };
      const refused = await exchangeCode(strict, code, params, {});
      expect(content(refused).error).toBe('invalid_dpop_proof');
      const { code: second } = await obtainCode(strict, params);
      const proof = await key.proof({ htm: 'POST', htu: TOKEN_URL });
      const ok = await exchangeCode(strict, second, params, {
        dpop: proof,
        htm: 'POST',
        htu: TOKEN_URL,
      });
      const token = content(ok).access_token as string;
      const bare = await strict.call('/auth/userinfo', { token, htm: 'GET', htu: USERINFO_URL });
      expect(bare.body.action).toBe('UNAUTHORIZED');
      expect(bare.body.responseContent).toMatch(/^DPoP error="invalid_token"/);
      const withProof = await strict.call('/auth/userinfo', {
        token,
        htm: 'GET',
        htu: USERINFO_URL,
        dpop: await key.proof({ htm: 'GET', htu: USERINFO_URL, accessToken: token }),
      });
      expect(withProof.body.action).toBe('OK');
    } finally {
      await strict.close();
    }
  });

  it('password grant: the proof at /auth/token binds the token /auth/token/issue mints', async () => {
    const response = await engine.call('/auth/token', {
      parameters: form({ grant_type: 'password', username: 'alice', password: 'x', scope: 'read' }),
      clientId: 'demo-legacy',
      clientSecret: 'demo-legacy-secret',
      dpop: await key.proof({ htm: 'POST', htu: TOKEN_URL }),
    });
    expect(response.body.action).toBe('PASSWORD');
    const issued = await engine.call('/auth/token/issue', {
      ticket: response.body.ticket,
      subject: 'alice',
    });
    expect(content(issued).token_type).toBe('DPoP');
    const bare = await introspect(String(issued.body.accessToken), {});
    expect(bare.body.action).toBe('UNAUTHORIZED');
  });

  it('/auth/token/create binds to dpopKeyThumbprint and certificateThumbprint', async () => {
    const jkt = await calculateJwkThumbprint(key.publicJwk, 'sha256');
    const created = await engine.call('/auth/token/create', {
      grantType: 'CLIENT_CREDENTIALS',
      clientIdentifier: 'demo-service',
      scopes: ['read'],
      dpopKeyThumbprint: jkt,
    });
    expect(created.body.tokenType).toBe('DPoP');
    const token = String(created.body.accessToken);
    expect((await introspect(token, {})).body.action).toBe('UNAUTHORIZED');
    const proof = await key.proof({ htm: 'GET', htu: RS_URL, accessToken: token });
    expect((await introspect(token, { dpop: proof })).body.action).toBe('OK');
  });

  it('discovery lists DPoP algorithms and certificate-bound tokens', async () => {
    const response = await engine.call('/service/configuration');
    const body = JSON.parse(response.text) as Record<string, unknown>;
    expect(body.dpop_signing_alg_values_supported).toContain('ES256');
    expect(body.dpop_signing_alg_values_supported).not.toContain('HS256');
    expect(body.tls_client_certificate_bound_access_tokens).toBe(true);
  });
});

describe('RFC 9068 JWT access tokens carry cnf (RFC 9449 §6.1, RFC 8705 §3.1)', () => {
  it('a DPoP- and certificate-bound JWT access token has cnf.jkt and cnf["x5t#S256"]', async () => {
    const engine = await EngineHarness.create((config) => {
      config.service.accessTokenSignAlg = 'ES256';
      const clients = config.clients as unknown as Record<string, unknown>[];
      const service = clients.find((client) => client.clientIdAlias === 'demo-service');
      if (service !== undefined) service.tlsClientCertificateBoundAccessTokens = true;
    });
    try {
      const key = await dpopKey();
      const response = await engine.call('/auth/token', {
        parameters: form({ grant_type: 'client_credentials', scope: 'read' }),
        ...SERVICE,
        dpop: await key.proof({ htm: 'POST', htu: TOKEN_URL }),
        clientCertificate: CERT_A,
      });
      const cnf = decodeJwt(content(response).access_token as string).cnf as Record<
        string,
        unknown
      >;
      expect(cnf.jkt).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
      expect(cnf['x5t#S256']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    } finally {
      await engine.close();
    }
  });
});
