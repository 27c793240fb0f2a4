import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { authorizationServerAdapterOptions } from '../../../src/module/adapter-options';
import { AuthorizationServerModule } from '../../../src/module/authorization-server.module';
import { Browser } from '../../support/browser';
import { DEMO_WEB } from '../authorization/support/flow';
import { exchangeCode, jwtPayload } from '../authorization/support/tokens';
import { fakeAuthleteEnv, resetEnv, setEnv } from '../../support/test-app';
import { freePort } from '../../support/free-port';
import { HostAuthenticator, HostUserDirectory, HostUsersModule } from './support/host-users';

interface Host {
  app: NestFastifyApplication;
  url: string;
}

/** A host application as a platform team writes it: its own module, Nest's default body parser. */
async function startHost(server: DynamicModule, port = 0): Promise<Host> {
  @Module({ imports: [HostUsersModule, server] })
  class HostModule {}
  const app = await NestFactory.create<NestFastifyApplication>(
    HostModule,
    new FastifyAdapter(authorizationServerAdapterOptions()),
    { logger: false, abortOnError: false },
  );
  await app.listen({ host: '127.0.0.1', port });
  const address = app.getHttpServer().address();
  const bound = typeof address === 'object' && address !== null ? address.port : 0;
  return { app, url: `http://127.0.0.1:${bound}` };
}

const dave = { username: 'dave', password: 'dave-pw' };

async function signInAndExchange(baseUrl: string, prefix = ''): Promise<Record<string, unknown>> {
  const outcome = await new Browser(baseUrl).authorize(
    `${baseUrl}${prefix}/api/authorization`,
    {
      response_type: 'code',
      client_id: DEMO_WEB.clientId,
      redirect_uri: DEMO_WEB.redirectUri,
      scope: 'openid',
      claims: JSON.stringify({ id_token: { name: null } }),
    },
    { user: dave },
  );
  if (outcome.kind !== 'redirect') throw new Error(`no redirect: ${outcome.kind}`);
  return exchangeCode(`${baseUrl}${prefix}`, outcome.params.get('code') ?? '');
}

describe('AuthorizationServerModule in a host application', () => {
  beforeEach(() => setEnv({ LOG_LEVEL: 'silent' }));
  afterEach(() => resetEnv());

  it('forRootAsync: a class authenticator gets the host service from `imports`; cookies and the raw form body work', async () => {
    const host = await startHost(
      AuthorizationServerModule.forRootAsync({
        imports: [HostUsersModule],
        inject: [HostUserDirectory],
        useFactory: (directory: HostUserDirectory) => ({
          userAuthenticator: HostAuthenticator,
          sessionSecret: `${directory.constructor.name}-session-secret-0123456789`,
        }),
      }),
    );
    try {
      const tokens = await signInAndExchange(host.url);
      expect(jwtPayload(tokens['id_token'])).toMatchObject({ sub: 'dave-7', name: 'Dave Host' });
    } finally {
      await host.app.close();
    }
  });

  it('useExisting: the host provider itself is used and initialised once, by the host', async () => {
    const host = await startHost(
      AuthorizationServerModule.forRootAsync({
        imports: [HostUsersModule],
        useFactory: () => ({ userAuthenticator: { useExisting: HostAuthenticator } }),
      }),
    );
    try {
      const tokens = await signInAndExchange(host.url);
      expect(jwtPayload(tokens['id_token'])).toMatchObject({ sub: 'dave-7' });
      expect(host.app.get(HostAuthenticator).initialised).toBe(1);
    } finally {
      await host.app.close();
    }
  });

  it('forRoot with an instance', async () => {
    const directory = new HostUserDirectory();
    directory.onModuleInit();
    const host = await startHost(
      AuthorizationServerModule.forRoot({ userAuthenticator: new HostAuthenticator(directory) }),
    );
    try {
      const tokens = await signInAndExchange(host.url);
      expect(jwtPayload(tokens['id_token'])).toMatchObject({ sub: 'dave-7' });
    } finally {
      await host.app.close();
    }
  });

  it('mounts every endpoint under the route prefix, and discovery advertises the prefixed URLs', async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}/oauth`;
    setEnv({ ISSUER: issuer });
    const host = await startHost(
      AuthorizationServerModule.forRootAsync({
        imports: [HostUsersModule],
        useFactory: () => ({ userAuthenticator: HostAuthenticator }),
        routePrefix: 'oauth',
      }),
      port,
    );
    try {
      const discovery = await fetch(`${issuer}/.well-known/openid-configuration`);
      expect(discovery.status).toBe(200);
      expect(await discovery.json()).toMatchObject({
        issuer,
        authorization_endpoint: `${issuer}/api/authorization`,
        token_endpoint: `${issuer}/api/token`,
        jwks_uri: `${issuer}/api/jwks`,
      });
      expect((await fetch(`${host.url}/.well-known/openid-configuration`)).status).toBe(404);
      // Probes and the scrape stay at the root for orchestrators, whatever the prefix.
      expect((await fetch(`${host.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${host.url}/metrics`)).status).toBe(200);
      expect((await fetch(`${issuer}/health/live`)).status).toBe(404);
      const tokens = await signInAndExchange(host.url, '/oauth');
      expect(jwtPayload(tokens['id_token'])).toMatchObject({ iss: issuer, sub: 'dave-7' });
    } finally {
      await host.app.close();
    }
  });

  it('stops start-up with one message when ISSUER does not follow the route prefix', async () => {
    // A (never called) remote Authlete: no embedded engine is started for an app that never runs.
    setEnv({ ...fakeAuthleteEnv('http://127.0.0.1:9'), ISSUER: 'http://127.0.0.1:9/' });
    await expect(
      startHost(AuthorizationServerModule.forRoot({ routePrefix: 'oauth' })),
    ).rejects.toThrow(
      /ISSUER .* does not end with it; set ISSUER to e\.g\. http:\/\/127\.0\.0\.1:9\/oauth/,
    );
  });

  it('stops start-up naming the fix when the adapter ignores TRUST_PROXY', async () => {
    setEnv({ ...fakeAuthleteEnv('http://127.0.0.1:9'), TRUST_PROXY: 'loopback' });
    const app = await NestFactory.create<NestFastifyApplication>(
      AuthorizationServerModule.forRoot({}),
      new FastifyAdapter(),
      { logger: false, abortOnError: false },
    ).catch((error: unknown) => error);
    const started =
      app instanceof Error
        ? app
        : await (app as NestFastifyApplication).init().catch((e: unknown) => e);
    expect(String(started)).toContain(
      'AuthorizationServerModule: TRUST_PROXY=loopback but the Fastify instance ignores forwarded headers; create the adapter with new FastifyAdapter(authorizationServerAdapterOptions())',
    );
    if (!(app instanceof Error)) await (app as NestFastifyApplication).close();
  });
});
