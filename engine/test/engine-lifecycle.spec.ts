import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, EngineConfigError } from '../index';
import { loadEngineSettings } from '../src/config/load-config';
import { KEY_FILE_NAME } from '../src/keys/service-keys';
import { CONFIG_PATH, demoConfig } from './harness';
import type { EngineConfig } from '../src/config/engine-config';

describe('startEngine (issue 3 item 1) over a real socket', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-life-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('listens on 127.0.0.1, serves discovery with the issuer override, and closes', async () => {
    const engine = await startEngine({
      config: CONFIG_PATH,
      dataDir,
      issuer: 'http://localhost:9999/',
    });
    try {
      expect(engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(engine.serviceId).toBe('5593494640');
      expect(engine.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const response = await fetch(`${engine.url}/api/${engine.serviceId}/service/configuration`, {
        headers: { authorization: `Bearer ${engine.accessToken}` },
      });
      expect(response.status).toBe(200);
      const discovery = (await response.json()) as Record<string, unknown>;
      expect(discovery).toMatchObject({
        issuer: 'http://localhost:9999',
        authorization_endpoint: 'http://localhost:9999/api/authorization',
        token_endpoint: 'http://localhost:9999/api/token',
        userinfo_endpoint: 'http://localhost:9999/api/userinfo',
        jwks_uri: 'http://localhost:9999/api/jwks',
        revocation_endpoint: 'http://localhost:9999/api/revocation',
        introspection_endpoint: 'http://localhost:9999/api/introspection',
        pushed_authorization_request_endpoint: 'http://localhost:9999/api/par',
        end_session_endpoint: 'http://localhost:9999/api/logout',
        code_challenge_methods_supported: ['S256'],
        authorization_response_iss_parameter_supported: true,
      });
      expect(discovery.response_types_supported).toEqual(['code', 'id_token', 'code id_token']);
      expect(discovery.grant_types_supported).toContain('client_credentials');
      expect(discovery.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
      const post = await fetch(`${engine.url}/api/${engine.serviceId}/service/configuration`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${engine.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ pretty: true }),
      });
      expect(await post.text()).toContain('\n  "issuer"');
    } finally {
      await engine.close();
    }
  });

  it('pitfall §11.14: service/jwks/get returns a raw JWK Set of public keys only', async () => {
    const engine = await startEngine({ config: CONFIG_PATH, dataDir, accessToken: 'known' });
    try {
      const response = await fetch(
        `${engine.url}/api/${engine.serviceId}/service/jwks/get?includePrivateKeys=true`,
        {
          headers: { authorization: 'Bearer known' },
        },
      );
      const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
      expect(jwks.keys.map((key) => key.kty).sort()).toEqual(['EC', 'RSA']);
      for (const key of jwks.keys) {
        expect(key.d).toBeUndefined();
        expect(key.p).toBeUndefined();
        expect(typeof key.kid).toBe('string');
        expect(key.use).toBe('sig');
      }
    } finally {
      await engine.close();
    }
  });

  it('generates signing keys once and keeps them in the data directory across restarts', async () => {
    const first = await startEngine({ config: CONFIG_PATH, dataDir, accessToken: 't' });
    const fetchKeys = async (url: string) =>
      (
        (await (
          await fetch(`${url}/api/5593494640/service/jwks/get`, {
            headers: { authorization: 'Bearer t' },
          })
        ).json()) as { keys: { kid: string }[] }
      ).keys;
    const before = await fetchKeys(first.url);
    await first.close();
    const second = await startEngine({ config: CONFIG_PATH, dataDir, accessToken: 't' });
    const after = await fetchKeys(second.url);
    await second.close();
    expect(after).toEqual(before);
    expect(statSync(join(dataDir, KEY_FILE_NAME)).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(join(dataDir, KEY_FILE_NAME), 'utf8'))).toHaveProperty('keys');
  });
});

describe('configuration validation (issue 3 item 6)', () => {
  function expectFieldError(mutate: (config: EngineConfig) => void, field: string): void {
    const config = demoConfig();
    mutate(config);
    let caught: unknown;
    try {
      loadEngineSettings(config);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineConfigError);
    expect((caught as EngineConfigError).field).toBe(field);
    expect((caught as Error).message).toContain(field);
  }

  it('loads the demo configuration', () => {
    const settings = loadEngineSettings(CONFIG_PATH);
    expect(settings.clients.find('demo-web')?.clientId).toBe(17201083166161);
    expect(settings.clients.find('17201083166165')?.clientIdAlias).toBe('demo-jwt');
  });

  it.each<[string, (config: EngineConfig) => void]>([
    [
      'service.apiKey',
      (config) => {
        config.service.apiKey = 'abc';
      },
    ],
    [
      'service.issuer',
      (config) => {
        (config.service as unknown as Record<string, unknown>).issuer = 42;
      },
    ],
    [
      'service.supportedGrantTypes[0]',
      (config) => {
        config.service.supportedGrantTypes[0] = 'MAGIC';
      },
    ],
    [
      'service.accessTokenDuration',
      (config) => {
        config.service.accessTokenDuration = -5;
      },
    ],
    [
      'service.supportedScopes[1].name',
      (config) => {
        config.service.supportedScopes[1]!.name = '';
      },
    ],
    [
      'clients[0].clientSecret',
      (config) => {
        delete config.clients[0]!.clientSecret;
      },
    ],
    [
      'clients[1].tokenAuthMethod',
      (config) => {
        config.clients[1]!.tokenAuthMethod = 'CLIENT_SECRET_BASIC';
      },
    ],
    [
      'clients[2].redirectUris[0]',
      (config) => {
        config.clients[2]!.redirectUris = ['not a url'];
      },
    ],
    [
      'clients[4].jwks',
      (config) => {
        delete config.clients[4]!.jwks;
      },
    ],
    [
      'clients[3]',
      (config) => {
        config.clients[3]!.clientIdAlias = 'demo-web';
      },
    ],
    [
      'clients[0].grantTypes[0]',
      (config) => {
        config.clients[0]!.grantTypes = ['NOT_A_GRANT'];
      },
    ],
  ])('rejects a bad %s with a message naming the field', (field, mutate) => {
    expectFieldError(mutate, field);
  });

  it('names the file when it cannot be read', async () => {
    await expect(
      startEngine({
        config: '/nonexistent/engine.json',
        dataDir: join(tmpdir(), 'engine-never-created'),
      }),
    ).rejects.toThrow('/nonexistent/engine.json');
  });
});
