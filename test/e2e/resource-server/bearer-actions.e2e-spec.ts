import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequireScopes } from '../../../src/resource-server/require-scopes.decorator';
import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, resetEnv, setEnv } from '../../support/test-app';
import { startResourceHost } from './support/resource-host';

@Controller('orders')
class OrdersController {
  @Get()
  @RequireScopes('orders:read')
  list() {
    return { orders: [] };
  }
}

const CHALLENGE = {
  BAD_REQUEST: 'Bearer error="invalid_request",error_description="no token"',
  UNAUTHORIZED: 'Bearer error="invalid_token",error_description="expired"',
  FORBIDDEN: 'Bearer error="insufficient_scope",scope="orders:read"',
  INTERNAL_SERVER_ERROR: 'Bearer error="server_error"',
};

describe('the bearer guard maps every /auth/introspection action (authlete-api.md §8.1)', () => {
  let fake: FakeAuthlete;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    fake = await startFakeAuthlete();
    // The public URL differs from the address the test reaches: htu must follow the public one.
    setEnv({
      ...fakeAuthleteEnv(fake.url),
      LOG_LEVEL: 'silent',
      ISSUER: 'https://login.example.com/id',
    });
    ({ app, url } = await startResourceHost([OrdersController], {
      clientCertificateHeaders: ['x-ssl-cert'],
    }));
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    resetEnv();
  });
  beforeEach(() => fake.reset());

  const get = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/orders`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  it.each([
    ['BAD_REQUEST', 400],
    ['UNAUTHORIZED', 401],
    ['FORBIDDEN', 403],
    ['INTERNAL_SERVER_ERROR', 500],
  ] as const)('%s → %i with Authlete’s challenge as WWW-Authenticate', async (action, status) => {
    fake.answer('auth/introspection', { action, responseContent: CHALLENGE[action] });
    const response = await get(`token-${action}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('www-authenticate')).toBe(CHALLENGE[action]);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('OK → the route runs; the call carries the scopes, htm and the public htu (ISSUER); a second call is cached', async () => {
    fake.answer('auth/introspection', { action: 'OK', subject: 'u1', scopes: ['orders:read'] });
    expect((await get('good')).status).toBe(200);
    expect((await get('good')).status).toBe(200);
    const calls = fake.callsTo('auth/introspection');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toMatchObject({
      token: 'good',
      scopes: ['orders:read'],
      htm: 'GET',
      htu: 'https://login.example.com/id/orders',
    });
  });

  it('DPoP: the proof goes to Authlete, is never cached, and the challenge uses the DPoP scheme with the nonce', async () => {
    fake.answer('auth/introspection', {
      action: 'UNAUTHORIZED',
      responseContent: 'Bearer error="use_dpop_nonce"',
      dpopNonce: 'n-1',
    });
    const response = await fetch(`${url}/orders`, {
      headers: { authorization: 'DPoP bound', dpop: 'proof.jwt.value' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('DPoP error="use_dpop_nonce"');
    expect(response.headers.get('dpop-nonce')).toBe('n-1');
    expect(fake.callsTo('auth/introspection')[0]?.body).toMatchObject({ dpop: 'proof.jwt.value' });
  });

  it('a forwarded client certificate reaches Authlete (RFC 8705 §3)', async () => {
    fake.answer('auth/introspection', { action: 'OK', scopes: ['orders:read'] });
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect((await get('mtls', { 'x-ssl-cert': encodeURIComponent(pem) })).status).toBe(200);
    expect(fake.callsTo('auth/introspection')[0]?.body).toMatchObject({ clientCertificate: pem });
  });

  it('an unknown action is a 500', async () => {
    fake.answer('auth/introspection', { action: 'SOMETHING_NEW' });
    expect((await get('odd')).status).toBe(500);
  });
});
