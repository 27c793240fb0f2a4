import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerSpec } from './lib/child-server';

/** The service id and token the fake Authlete expects (any values work: the fake does not check). */
const FAKE_SERVICE = {
  AUTHLETE_SERVICE_APIKEY: '5593494640',
  AUTHLETE_SERVICE_ACCESSTOKEN: 'bench-service-access-token',
};

/** The most the rate limits accept: the guards still run on every request but never trigger. */
const UNREACHABLE_RATE_LIMITS = {
  THROTTLE_LIMIT_PER_IP: '1000000',
  THROTTLE_LIMIT_PER_CLIENT: '1000000',
  THROTTLE_LOGIN_LIMIT_PER_IP: '1000000',
};

/**
 * Settings shared by every instance of this service: production mode with the demo users, default
 * logging (one JSON line per request at `info`, to /dev/null here), and rate limits raised out of
 * reach — all load comes from one IP and one client, which production limits rightly refuse.
 */
function serviceEnvironment(port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    USERS_ALLOW_DEMO: 'true',
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123456789',
    ISSUER: `http://127.0.0.1:${port}`,
    ...UNREACHABLE_RATE_LIMITS,
    ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
  };
}

/** The canned fake Authlete behind (b) and (c). */
export const fakeSpec: ServerSpec = {
  id: 'fake',
  name: 'canned fake Authlete (node:http)',
  script: 'dist/bench/servers/fake-authlete.js',
};

/** (a): this service on its embedded engine (same process), as `npm start` runs it. */
export function serviceOnEngineSpec(nodeArgs: string[]): ServerSpec {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
  return {
    id: 'a',
    name: 'this service, embedded engine',
    script: 'dist/bench/servers/service.js',
    nodeArgs,
    env: (port) => ({
      ...serviceEnvironment(port),
      ENGINE_DATA_DIR: dataDir,
      ENGINE_ALLOW_PRODUCTION: 'true',
    }),
  };
}

/** (b): this service in front of the fake Authlete. */
export function serviceOnFakeSpec(fakeUrl: string, nodeArgs: string[]): ServerSpec {
  return {
    id: 'b',
    name: 'this service → fake Authlete',
    script: 'dist/bench/servers/service.js',
    nodeArgs,
    env: (port) => ({ ...serviceEnvironment(port), AUTHLETE_BASE_URL: fakeUrl, ...FAKE_SERVICE }),
  };
}

/** (c): bare Fastify + undici pass-through to the same fake. */
export function passthroughSpec(fakeUrl: string, nodeArgs: string[]): ServerSpec {
  return {
    id: 'c',
    name: 'bare Fastify + undici pass-through → fake',
    script: 'dist/bench/servers/passthrough.js',
    nodeArgs,
    env: () => ({ NODE_ENV: 'production', AUTHLETE_BASE_URL: fakeUrl, ...FAKE_SERVICE }),
  };
}

/** (d): node-oidc-provider@8 with equivalent clients. */
export function oidcProviderSpec(nodeArgs: string[]): ServerSpec {
  return {
    id: 'd',
    name: 'oidc-provider@8',
    script: 'dist/bench/servers/oidc-provider.js',
    nodeArgs,
    env: () => ({ NODE_ENV: 'production' }),
  };
}

/** (e): the floor of the architecture: bare Nest on Fastify, one route, one interceptor. */
export function nestFloorSpec(nodeArgs: string[]): ServerSpec {
  return {
    id: 'e',
    name: 'bare Nest-on-Fastify route + one interceptor (the floor)',
    script: 'dist/bench/servers/nest-floor.js',
    nodeArgs,
    env: () => ({ NODE_ENV: 'production' }),
  };
}
