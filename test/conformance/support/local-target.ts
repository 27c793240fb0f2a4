import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../../src/bootstrap';
import { resetEnv, setEnv } from '../../support/test-app';
import type { ConformanceTarget } from './target';
import { freePort } from '../../support/free-port';

/** Changes a suite makes to config/engine.json: service settings (e.g. short lifetimes), extra clients. */
export interface ServiceOverrides {
  service?: Record<string, unknown>;
  clients?: Record<string, unknown>[];
}

/** Writes a copy of config/engine.json with `service` overrides into `dir`; returns its path. */
function writeEngineConfig(dir: string, overrides: ServiceOverrides): string {
  const config = JSON.parse(readFileSync('config/engine.json', 'utf8')) as {
    service: Record<string, unknown>;
    clients: Record<string, unknown>[];
  };
  config.service = { ...config.service, ...overrides.service };
  config.clients = [...config.clients, ...(overrides.clients ?? [])];
  const path = join(dir, 'engine.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const DEMO_JWT_KEY = 'config/demo-jwt-client.private.jwk.json';

/**
 * Boots the whole app on the embedded engine, offline, on a fixed loopback port whose URL is also
 * the ISSUER, so that discovery, ID tokens and `iss` all name the URL clients use (OIDC
 * Discovery §4.3). The engine reads a private copy of config/engine.json (with `overrides`) and
 * keeps its generated keys in a private temporary directory.
 */
export async function startLocalTarget(
  overrides: ServiceOverrides = {},
): Promise<ConformanceTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  setEnv({
    LOG_LEVEL: 'silent',
    ISSUER: issuer,
    ENGINE_CONFIG: writeEngineConfig(dir, overrides),
    ENGINE_DATA_DIR: join(dir, 'data'),
    AUTHLETE_BASE_URL: undefined,
  });
  let app: NestFastifyApplication | undefined;
  try {
    app = await createApp({ logger: false });
    await app.listen({ host: '127.0.0.1', port });
  } catch (error) {
    if (app) await app.close();
    resetEnv();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const running = app;
  return {
    name: 'local (embedded engine)',
    local: true,
    issuer,
    user: { username: 'alice', password: 'alice-password', subject: '1001' },
    otherUser: { username: 'bob', password: 'bob-password' },
    confidential: {
      clientId: 'demo-web',
      clientSecret: 'demo-web-secret',
      redirectUri: 'http://localhost:3000/callback',
      otherRedirectUri: 'http://127.0.0.1:3000/callback',
      responseTypes: ['code', 'code id_token', 'id_token'],
    },
    publicClient: { clientId: 'demo-spa', redirectUri: 'http://localhost:3000/spa/callback' },
    specialSecretClient: {
      clientId: 'demo-special',
      clientSecret: 's3cr:t/+&%=',
      redirectUri: 'http://localhost:3000/callback',
    },
    jwtClient: {
      clientId: 'demo-jwt',
      redirectUri: 'http://localhost:3000/jwt/callback',
      privateJwk: JSON.parse(readFileSync(DEMO_JWT_KEY, 'utf8')) as Record<string, unknown>,
      alg: 'ES256',
    },
    passwordClient: { clientId: 'demo-legacy', clientSecret: 'demo-legacy-secret' },
    resourceServer: { id: 'demo-rs', secret: 'demo-rs-secret' },
    close: async () => {
      await running.close();
      resetEnv();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
