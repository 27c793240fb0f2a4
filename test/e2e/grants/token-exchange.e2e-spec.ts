import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, exportJWK } from 'jose';
import {
  type TokenExchangeDecision,
  TokenExchangePolicy,
} from '../../../src/grants/token-exchange-policy';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  ACCESS_TOKEN_TYPE,
  aliceAccessToken,
  demoJwt,
  EXCHANGE,
  introspect,
  postForm,
  TOKEN_EXCHANGE,
} from './grant-helpers';

const ANY_STRING: unknown = expect.any(String);
const ANY_NUMBER: unknown = expect.any(Number);

const AUDIENCE = 'https://orders.example.com/api';

function exchange(app: TestApp, params: Record<string, string>, client = EXCHANGE) {
  return postForm(`${app.url}/api/token`, { grant_type: TOKEN_EXCHANGE, ...params }, client);
}

/** A copy of config/engine.json whose demo-legacy tokens live `seconds` seconds. */
function shortLivedConfig(dir: string, seconds: number): string {
  const config = JSON.parse(readFileSync('config/engine.json', 'utf8')) as {
    clients: Record<string, unknown>[];
  };
  for (const client of config.clients) {
    if (client.clientIdAlias === 'demo-legacy') client.accessTokenDuration = seconds;
  }
  const path = join(dir, 'engine.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe('token exchange (RFC 8693) end to end on the embedded engine', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'token-exchange-'));
    app = await startTestApp({
      ENGINE_CONFIG: shortLivedConfig(dir, 2),
      ENGINE_DATA_DIR: join(dir, 'data'),
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('§2.2.1: a password-grant access token becomes an audience-restricted token of demo-exchange for the same subject', async () => {
    const subjectToken = await aliceAccessToken(app.url);
    const answer = await exchange(app, {
      subject_token: subjectToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: AUDIENCE,
      scope: 'read',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('pragma')).toBe('no-cache');
    expect(answer.json).toEqual({
      access_token: ANY_STRING,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: 'Bearer',
      expires_in: ANY_NUMBER,
      scope: 'read',
    });
    const issued = await introspect(app.url, answer.json.access_token as string);
    expect(issued).toMatchObject({
      active: true,
      sub: '1001',
      client_id: 'demo-exchange',
      scope: 'read',
      aud: [AUDIENCE],
    });
    const original = await introspect(app.url, subjectToken);
    expect(original.sub).toBe(issued.sub);
  });

  it('§2.2.2: an unknown, revoked or expired subject token is 400 invalid_request', async () => {
    const unknown = await exchange(app, {
      subject_token: 'no-such-token',
      subject_token_type: ACCESS_TOKEN_TYPE,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toBe('invalid_request');
    const revoked = await aliceAccessToken(app.url);
    await postForm(
      `${app.url}/api/revocation`,
      { token: revoked },
      {
        id: 'demo-legacy',
        secret: 'demo-legacy-secret',
      },
    );
    const afterRevocation = await exchange(app, {
      subject_token: revoked,
      subject_token_type: ACCESS_TOKEN_TYPE,
    });
    expect(afterRevocation.status).toBe(400);
    expect(afterRevocation.json.error).toBe('invalid_request');
    const expiring = await aliceAccessToken(app.url);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await exchange(app, {
      subject_token: expiring,
      subject_token_type: ACCESS_TOKEN_TYPE,
    });
    expect(expired.status).toBe(400);
    expect(expired.json.error).toBe('invalid_request');
    expect(expired.headers.get('cache-control')).toBe('no-store');
  });

  it('§2.2.2: a JWT of an untrusted issuer, or signed with a foreign key, or expired, is 400 invalid_request', async () => {
    const jwtType = 'urn:ietf:params:oauth:token-type:jwt';
    const foreignKey = {
      ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)),
      kid: 'x',
    };
    const cases = [
      await demoJwt({ iss: 'https://unknown-issuer.example' }),
      await demoJwt({}, { key: foreignKey }),
      await demoJwt({
        iat: Math.floor(Date.now() / 1000) - 200,
        exp: Math.floor(Date.now() / 1000) - 100,
      }),
    ];
    for (const subjectToken of cases) {
      const answer = await exchange(app, {
        subject_token: subjectToken,
        subject_token_type: jwtType,
      });
      expect({ status: answer.status, error: answer.json.error }).toEqual({
        status: 400,
        error: 'invalid_request',
      });
    }
  });

  it('§4.1: with an actor token, introspection of the issued token shows the act claim as an object', async () => {
    const actor = await postForm(
      `${app.url}/api/token`,
      { grant_type: 'client_credentials', scope: 'read' },
      { id: 'demo-service', secret: 'demo-service-secret' },
    );
    expect(actor.status).toBe(200);
    const answer = await exchange(app, {
      subject_token: await aliceAccessToken(app.url, 'read'),
      subject_token_type: ACCESS_TOKEN_TYPE,
      actor_token: actor.json.access_token as string,
      actor_token_type: ACCESS_TOKEN_TYPE,
      scope: 'read',
    });
    expect(answer.status).toBe(200);
    expect(await introspect(app.url, answer.json.access_token as string)).toMatchObject({
      active: true,
      sub: '1001',
      client_id: 'demo-exchange',
      act: { sub: 'demo-service' },
    });
  });

  it("an ID token of the trusted demo issuer is verified by the issuer's keys; a forged one is 400 invalid_request", async () => {
    const idTokenType = 'urn:ietf:params:oauth:token-type:id_token';
    const answer = await exchange(app, {
      subject_token: await demoJwt({ sub: '1002' }),
      subject_token_type: idTokenType,
      scope: 'read',
    });
    expect(answer.status).toBe(200);
    expect(await introspect(app.url, answer.json.access_token as string)).toMatchObject({
      active: true,
      sub: '1002',
      client_id: 'demo-exchange',
    });
    const foreignKey = {
      ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)),
      kid: 'x',
    };
    const forged = await exchange(app, {
      subject_token: await demoJwt({ sub: '1002' }, { key: foreignKey }),
      subject_token_type: idTokenType,
    });
    expect({ status: forged.status, error: forged.json.error }).toEqual({
      status: 400,
      error: 'invalid_request',
    });
  });

  it('a JWT of the trusted demo issuer is verified and its subject mapped to the user', async () => {
    const answer = await exchange(app, {
      subject_token: await demoJwt({ sub: '1002' }),
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      scope: 'read',
      resource: AUDIENCE,
    });
    expect(answer.status).toBe(200);
    expect(await introspect(app.url, answer.json.access_token as string)).toMatchObject({
      active: true,
      sub: '1002',
      client_id: 'demo-exchange',
      aud: [AUDIENCE],
    });
  });

  it('the default policy says no to wider scopes (invalid_scope), logical audiences (invalid_target) and other token types', async () => {
    const subjectToken = await aliceAccessToken(app.url, 'read');
    const base = { subject_token: subjectToken, subject_token_type: ACCESS_TOKEN_TYPE };
    const wider = await exchange(app, { ...base, scope: 'read write' });
    expect({ status: wider.status, error: wider.json.error }).toEqual({
      status: 400,
      error: 'invalid_scope',
    });
    const logical = await exchange(app, { ...base, audience: 'orders-service' });
    expect({ status: logical.status, error: logical.json.error }).toEqual({
      status: 400,
      error: 'invalid_target',
    });
    const refresh = await exchange(app, {
      ...base,
      requested_token_type: 'urn:ietf:params:oauth:token-type:refresh_token',
    });
    expect({ status: refresh.status, error: refresh.json.error }).toEqual({
      status: 400,
      error: 'invalid_request',
    });
  });

  it('a client not registered for token exchange is refused by Authlete (400 unauthorized_client)', async () => {
    const answer = await exchange(
      app,
      { subject_token: await aliceAccessToken(app.url), subject_token_type: ACCESS_TOKEN_TYPE },
      { id: 'demo-web', secret: 'demo-web-secret' },
    );
    expect({ status: answer.status, error: answer.json.error }).toEqual({
      status: 400,
      error: 'unauthorized_client',
    });
  });
});

/** A deployer's policy that refuses every exchange. */
class RefuseAll extends TokenExchangePolicy {
  decide(): Promise<TokenExchangeDecision> {
    return Promise.resolve({
      allowed: false,
      error: 'invalid_target',
      description: 'No exchanges today.',
    });
  }
}

describe('token exchange with a deployer-supplied TokenExchangePolicy', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({}, { tokenExchangePolicy: RefuseAll });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a policy that says no gives 400 with its error and description, and no token is minted', async () => {
    const answer = await exchange(app, {
      subject_token: await aliceAccessToken(app.url),
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: AUDIENCE,
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'invalid_target',
      error_description: 'No exchanges today.',
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});
