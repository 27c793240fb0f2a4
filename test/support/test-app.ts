import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, type CreateAppOptions } from '../../src/bootstrap';
import { startFakeAuthlete, type FakeAuthlete } from './fake-authlete';

/** A running app on 127.0.0.1 with its base URL. */
export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** Environment variables that make the app talk to a fake Authlete (V3 or V2). */
export function fakeAuthleteEnv(url: string, version: 'V3' | 'V2' = 'V3'): Record<string, string> {
  return {
    AUTHLETE_BASE_URL: url,
    AUTHLETE_API_VERSION: version,
    AUTHLETE_SERVICE_APIKEY: '715948317',
    ...(version === 'V3'
      ? { AUTHLETE_SERVICE_ACCESSTOKEN: 'test-service-token' }
      : { AUTHLETE_SERVICE_APISECRET: 'test-api-secret' }),
    AUTHLETE_TIMEOUT_MS: '1000',
  };
}

/**
 * A Redis key prefix of this test file's own (each Jest test file loads its own copy of this
 * module): suites sharing one Redis (`REDIS_URL`, the integration run) never see each other's
 * sessions or failed-sign-in counters, nor those of earlier runs.
 */
const SUITE_KEY_PREFIX = `test:${randomBytes(6).toString('hex')}:`;

const touched = new Set<string>();

/** Sets environment variables for the next app; {@link resetEnv} restores them. */
export function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    touched.add(name);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

const original = { ...process.env };

/** Restores every variable {@link setEnv} changed. */
export function resetEnv(): void {
  for (const name of touched) {
    if (original[name] === undefined) delete process.env[name];
    else process.env[name] = original[name];
  }
  touched.clear();
}

/**
 * Starts the whole app with the given environment and listens on an ephemeral loopback port.
 * Without AUTHLETE_BASE_URL it runs on the embedded engine, as `npm start` does.
 */
export async function startTestApp(
  env: Record<string, string | undefined> = {},
  options: CreateAppOptions = {},
): Promise<TestApp> {
  setEnv({ LOG_LEVEL: 'silent', SESSION_KEY_PREFIX: SUITE_KEY_PREFIX, ...env });
  const app = await createApp({ logger: false, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      // The suite is over: sockets a headless browser still holds open (keep-alive or speculative
      // preconnects, which never count as idle) must not hold the server's close forever.
      app.getHttpServer().closeAllConnections();
      await app.close();
      resetEnv();
    },
  };
}

/** The app and fake Authlete of a suite, available inside its tests. */
export interface FakeAuthleteSuite {
  readonly fake: FakeAuthlete;
  readonly app: TestApp;
}

/**
 * Starts a fake Authlete and the app talking to it before the suite's tests (`beforeAll`) and
 * closes both after them (`afterAll`). Read `suite.fake` and `suite.app` inside the tests.
 */
export function useFakeAuthleteApp(env: Record<string, string> = {}): FakeAuthleteSuite {
  const started: { fake?: FakeAuthlete; app?: TestApp } = {};
  beforeAll(async () => {
    started.fake = await startFakeAuthlete();
    started.app = await startTestApp({ ...fakeAuthleteEnv(started.fake.url), ...env });
  });
  afterAll(async () => {
    await started.app?.close();
    await started.fake?.close();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite has not started (use it inside a test)');
    return value;
  };
  return {
    get fake() {
      return need(started.fake);
    },
    get app() {
      return need(started.app);
    },
  };
}
