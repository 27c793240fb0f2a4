import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequireScopes } from '../../../src/resource-server/require-scopes.decorator';
import { ResourceServerModule } from '../../../src/resource-server/resource-server.module';
import { Browser } from '../../support/browser';
import { startTestApp, type TestApp } from '../../support/test-app';
import { DEMO_WEB } from '../authorization/support/flow';
import { exchangeCode } from '../authorization/support/tokens';

@Controller('reports')
class ReportsController {
  @Get()
  @RequireScopes('profile')
  list() {
    return { reports: [] };
  }

  @Get('mail')
  @RequireScopes('email')
  mail() {
    return { mail: [] };
  }
}

/** A separate service: no AuthorizationServerModule, only the guard against /api/introspection. */
async function startService(server: string, secret: string): Promise<NestFastifyApplication> {
  @Module({
    imports: [
      ResourceServerModule.forRoot({
        remote: { url: `${server}/api/introspection`, clientId: 'demo-rs', clientSecret: secret },
        cacheTtlSeconds: 0,
      }),
    ],
    controllers: [ReportsController],
  })
  class ServiceModule {}
  const app = await NestFactory.create<NestFastifyApplication>(
    ServiceModule,
    new FastifyAdapter(),
    {
      logger: false,
    },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app;
}

describe('the bearer guard in a separate service, through /api/introspection (RFC 7662)', () => {
  let server: TestApp;
  let service: NestFastifyApplication;
  let serviceUrl: string;
  let token: string;

  beforeAll(async () => {
    server = await startTestApp();
    service = await startService(server.url, 'demo-rs-secret');
    serviceUrl = await service.getUrl();
    const outcome = await new Browser(server.url).authorize(
      `${server.url}/api/authorization`,
      {
        response_type: 'code',
        client_id: DEMO_WEB.clientId,
        redirect_uri: DEMO_WEB.redirectUri,
        scope: 'openid profile',
      },
      { user: { username: 'alice', password: 'alice-password' } },
    );
    if (outcome.kind !== 'redirect') throw new Error(outcome.kind);
    token = String(
      (await exchangeCode(server.url, outcome.params.get('code') ?? ''))['access_token'],
    );
  });
  afterAll(async () => {
    await service?.close();
    await server?.close();
  });

  const get = (path: string, bearer?: string) =>
    fetch(`${serviceUrl}${path}`, {
      headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
    });

  it('200 with the token, 401 without, 401 invalid_token for an unknown one', async () => {
    expect((await get('/reports', token)).status).toBe(200);
    const none = await get('/reports');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const unknown = await get('/reports', 'not-a-token');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('403 insufficient_scope when the token lacks the scope', async () => {
    const response = await get('/reports/mail', token);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toMatch(
      /^Bearer error="insufficient_scope".*scope="email"/,
    );
  });

  it('wrong resource-server credentials: 500 server_error, never a pass', async () => {
    const wrong = await startService(server.url, 'wrong-secret');
    try {
      const response = await fetch(`${await wrong.getUrl()}/reports`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(500);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="server_error"/);
    } finally {
      await wrong.close();
    }
  });
});
