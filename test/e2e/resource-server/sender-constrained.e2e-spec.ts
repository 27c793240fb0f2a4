import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dpopKey, type DpopKey } from '../../../engine/test/dpop-proof';
import { RequireScopes } from '../../../src/resource-server/require-scopes.decorator';
import { Browser } from '../../support/browser';
import { freePort } from '../../support/free-port';
import { resetEnv, setEnv } from '../../support/test-app';
import { authorizeAs, DEMO_WEB } from '../authorization/support/flow';
import { exchangeCode } from '../authorization/support/tokens';
import { startResourceHost } from './support/resource-host';

const FIXTURES = join(__dirname, '..', '..', '..', 'engine', 'test', 'fixtures');
const CERT_A = readFileSync(join(FIXTURES, 'client-cert-a.pem'), 'utf8');
const CERT_B = readFileSync(join(FIXTURES, 'client-cert-b.pem'), 'utf8');

@Controller('orders')
class OrdersController {
  @Get()
  @RequireScopes('profile')
  list() {
    return { orders: [] };
  }

  @Get('batch')
  @RequireScopes('read')
  batch() {
    return { batch: true };
  }
}

/**
 * Sender-constrained tokens on the embedded engine: DPoP (RFC 9449) at /api/token, /api/userinfo
 * and the resource-server guard, and certificate-bound tokens (RFC 8705 §3) with the certificate a
 * trusted proxy forwards in `X-Ssl-Cert`.
 */
describe('DPoP and certificate-bound tokens (RFC 9449, RFC 8705) on the embedded engine', () => {
  let app: NestFastifyApplication;
  let url: string;
  let key: DpopKey;
  let token: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    setEnv({
      LOG_LEVEL: 'silent',
      ISSUER: url,
      TRUST_PROXY: '127.0.0.1',
      AUTHLETE_BASE_URL: undefined,
    });
    ({ app } = await startResourceHost(
      [OrdersController],
      { realm: 'orders', clientCertificateHeaders: ['x-ssl-cert'] },
      port,
    ));
    key = await dpopKey();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: DEMO_WEB.clientId,
      redirect_uri: DEMO_WEB.redirectUri,
      scope: 'openid profile',
    });
    const { params } = await authorizeAs(
      new Browser(url),
      `/api/authorization?${query.toString()}`,
    );
    const proof = await key.proof({ htm: 'POST', htu: `${url}/api/token` });
    const tokens = await exchangeCode(url, params.get('code') ?? '', DEMO_WEB, {
      dpop: proof,
    });
    expect(tokens.token_type).toBe('DPoP');
    token = String(tokens.access_token);
  });
  afterAll(async () => {
    await app?.close();
    resetEnv();
  });

  async function withProof(path: string, accessToken = token): Promise<Response> {
    const dpop = await key.proof({ htm: 'GET', htu: `${url}${path}`, accessToken });
    return fetch(`${url}${path}`, { headers: { authorization: `DPoP ${accessToken}`, dpop } });
  }

  it('/api/userinfo answers 200 to a DPoP-bound token with its proof', async () => {
    const response = await withProof('/api/userinfo');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { sub?: string }).sub).toMatch(/.+/);
  });

  it('/api/userinfo answers 401 with a DPoP challenge without a proof', async () => {
    const response = await fetch(`${url}/api/userinfo`, {
      headers: { authorization: `DPoP ${token}` },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^DPoP error="invalid_token"/);
  });

  it('the resource-server guard accepts the token with a proof and refuses it without', async () => {
    expect((await withProof('/orders')).status).toBe(200);
    const bare = await fetch(`${url}/orders`, { headers: { authorization: `DPoP ${token}` } });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^DPoP /);
  });

  /** GET `path` with a Host header of the client's choosing (fetch does not let one set it). */
  function statusWithHost(path: string, host: string, dpop: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const call = httpRequest(`${url}${path}`, {
        headers: { host, authorization: `DPoP ${token}`, dpop },
      });
      call.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      call.on('error', reject);
      call.end();
    });
  }

  it('the guard checks the proof against the public URL (ISSUER), not the Host header sent', async () => {
    const forHost = await key.proof({
      htm: 'GET',
      htu: 'http://elsewhere.example/orders',
      accessToken: token,
    });
    expect(await statusWithHost('/orders', 'elsewhere.example', forHost)).toBe(401);
    const forPublicUrl = await key.proof({ htm: 'GET', htu: `${url}/orders`, accessToken: token });
    expect(await statusWithHost('/orders', 'elsewhere.example', forPublicUrl)).toBe(200);
  });

  it('a DPoP proof at PAR binds the code to its key (RFC 9449 §10.1)', async () => {
    const par = await fetch(`${url}/api/par`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('demo-web:demo-web-secret').toString('base64')}`,
        dpop: await key.proof({ htm: 'POST', htu: `${url}/api/par` }),
      },
      body: new URLSearchParams({
        response_type: 'code',
        client_id: DEMO_WEB.clientId,
        redirect_uri: DEMO_WEB.redirectUri,
        scope: 'openid profile',
      }).toString(),
    });
    expect(par.status).toBe(201);
    const requestUri = String(((await par.json()) as { request_uri?: string }).request_uri);
    const query = new URLSearchParams({ client_id: DEMO_WEB.clientId, request_uri: requestUri });
    const { params } = await authorizeAs(
      new Browser(url),
      `/api/authorization?${query.toString()}`,
    );
    const code = params.get('code') ?? '';
    const stranger = await dpopKey();
    const foreign = await stranger.proof({ htm: 'POST', htu: `${url}/api/token` });
    await expect(exchangeCode(url, code, DEMO_WEB, { dpop: foreign })).rejects.toThrow(
      /400 .*invalid_dpop_proof/,
    );
    const own = await key.proof({ htm: 'POST', htu: `${url}/api/token` });
    const tokens = await exchangeCode(url, code, DEMO_WEB, { dpop: own });
    expect(tokens.token_type).toBe('DPoP');
  });

  it('a certificate-bound token passes the guard with the same certificate and not with another', async () => {
    const issued = await fetch(`${url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('demo-mtls:demo-mtls-secret').toString('base64')}`,
        'x-ssl-cert': encodeURIComponent(CERT_A),
      },
      body: 'grant_type=client_credentials&scope=read',
    });
    expect(issued.status).toBe(200);
    const mtlsToken = String(((await issued.json()) as { access_token?: string }).access_token);
    const call = (certificate: string) =>
      fetch(`${url}/orders/batch`, {
        headers: {
          authorization: `Bearer ${mtlsToken}`,
          'x-ssl-cert': encodeURIComponent(certificate),
        },
      });
    expect((await call(CERT_A)).status).toBe(200);
    const other = await call(CERT_B);
    expect(other.status).toBe(401);
    expect(other.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });
});
