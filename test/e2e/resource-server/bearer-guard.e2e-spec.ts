import { Controller, Get, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../../../src/resource-server/require-scopes.decorator';
import { Browser } from '../../support/browser';
import { resetEnv, setEnv } from '../../support/test-app';
import { DEMO_WEB } from '../authorization/support/flow';
import { exchangeCode } from '../authorization/support/tokens';
import { startResourceHost } from './support/resource-host';

@Controller('orders')
class OrdersController {
  @Get()
  @RequireScopes('profile')
  list(@Req() request: FastifyRequest & { user?: { subject?: string } }) {
    return { orders: [], for: request.user?.subject };
  }

  @Get('admin')
  @RequireScopes('email')
  admin() {
    return { admin: true };
  }
}

describe('AuthleteBearerStrategy and @RequireScopes (RFC 6750 §2.1, §3)', () => {
  let app: NestFastifyApplication;
  let url: string;
  let token: string;

  beforeAll(async () => {
    setEnv({ LOG_LEVEL: 'silent' });
    ({ app, url } = await startResourceHost([OrdersController], { realm: 'orders' }));
    const outcome = await new Browser(url).authorize(
      `${url}/api/authorization`,
      {
        response_type: 'code',
        client_id: DEMO_WEB.clientId,
        redirect_uri: DEMO_WEB.redirectUri,
        scope: 'openid profile',
      },
      { user: { username: 'alice', password: 'alice-password' } },
    );
    if (outcome.kind !== 'redirect') throw new Error(outcome.kind);
    const tokens = await exchangeCode(url, outcome.params.get('code') ?? '');
    token = String(tokens['access_token']);
  });
  afterAll(async () => {
    await app?.close();
    resetEnv();
  });

  it('lets a token with the scope through: 200, and the route sees the subject', async () => {
    const response = await fetch(`${url}/orders`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { orders: unknown[]; for?: string };
    expect(body.orders).toEqual([]);
    expect(body.for).toMatch(/.+/);
  });

  it('no token: 401 with a bare challenge, no error code (RFC 6750 §3.1)', async () => {
    const response = await fetch(`${url}/orders`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="orders"');
  });

  it('an unknown token: 401 invalid_token', async () => {
    const response = await fetch(`${url}/orders`, { headers: { authorization: 'Bearer nope' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('a token without the scope: 403 insufficient_scope naming the scope', async () => {
    const response = await fetch(`${url}/orders/admin`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(403);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer error="insufficient_scope"/);
    expect(challenge).toContain('scope="email"');
    expect(await response.json()).toEqual({ error: 'insufficient_scope' });
  });

  it('a malformed Authorization header: 400 invalid_request', async () => {
    const response = await fetch(`${url}/orders`, { headers: { authorization: 'Bearer a b' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="orders", error="invalid_request"',
    );
  });
});
