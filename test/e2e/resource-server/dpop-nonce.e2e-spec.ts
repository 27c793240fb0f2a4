import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dpopKey, type DpopKey } from '../../../engine/test/dpop-proof';
import { RequireScopes } from '../../../src/resource-server/require-scopes.decorator';
import { freePort } from '../../support/free-port';
import { resetEnv, setEnv } from '../../support/test-app';
import { startResourceHost } from './support/resource-host';

@Controller('orders')
class OrdersController {
  @Get()
  @RequireScopes('read')
  list() {
    return { orders: [] };
  }
}

const SERVICE_CLIENT = `Basic ${Buffer.from('demo-service:demo-service-secret').toString('base64')}`;

/**
 * DPoP nonces end to end on the embedded engine with `dpopNonceRequired` (RFC 9449 §8 at the
 * token endpoint, §9 at a protected route): the refusal names `use_dpop_nonce` and carries the
 * nonce in `DPoP-Nonce`; a proof made with it passes.
 */
describe('DPoP nonces (RFC 9449 §8, §9) through the service', () => {
  let app: NestFastifyApplication;
  let url: string;
  let key: DpopKey;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dpop-nonce-'));
    const config = JSON.parse(readFileSync('config/engine.json', 'utf8')) as {
      service: Record<string, unknown>;
    };
    config.service.dpopNonceRequired = true;
    writeFileSync(join(dir, 'engine.json'), JSON.stringify(config));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    setEnv({
      LOG_LEVEL: 'silent',
      ISSUER: url,
      AUTHLETE_BASE_URL: undefined,
      ENGINE_CONFIG: join(dir, 'engine.json'),
      ENGINE_DATA_DIR: join(dir, 'data'),
    });
    ({ app } = await startResourceHost([OrdersController], {}, port));
    key = await dpopKey();
  });
  afterAll(async () => {
    await app?.close();
    resetEnv();
    rmSync(dir, { recursive: true, force: true });
  });

  async function token(nonce?: string): Promise<Response> {
    return fetch(`${url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: SERVICE_CLIENT,
        dpop: await key.proof({ htm: 'POST', htu: `${url}/api/token`, nonce }),
      },
      body: 'grant_type=client_credentials&scope=read',
    });
  }

  it('the token endpoint answers 400 use_dpop_nonce with DPoP-Nonce, then issues with that nonce', async () => {
    const first = await token();
    expect(first.status).toBe(400);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(((await first.json()) as { error?: string }).error).toBe('use_dpop_nonce');
    const nonce = first.headers.get('dpop-nonce');
    expect(nonce).toMatch(/^[0-9a-z]+\.[\w-]{24}$/);
    const second = await token(nonce ?? '');
    expect(second.status).toBe(200);
    expect(second.headers.get('dpop-nonce')).toBe(nonce);
    expect(((await second.json()) as { token_type?: string }).token_type).toBe('DPoP');
  });

  it('a protected route answers 401 DPoP error="use_dpop_nonce" with DPoP-Nonce, then 200 with it and the nonce', async () => {
    const nonce = (await token()).headers.get('dpop-nonce') ?? '';
    const body = (await (await token(nonce)).json()) as { access_token: string };
    const call = async (proofNonce?: string) =>
      fetch(`${url}/orders`, {
        headers: {
          authorization: `DPoP ${body.access_token}`,
          dpop: await key.proof({
            htm: 'GET',
            htu: `${url}/orders`,
            accessToken: body.access_token,
            nonce: proofNonce,
          }),
        },
      });
    const refused = await call();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^DPoP error="use_dpop_nonce"/);
    const given = refused.headers.get('dpop-nonce');
    expect(given).toEqual(expect.any(String));
    const accepted = await call(given ?? '');
    expect(accepted.status).toBe(200);
    // The current nonce rides along with the answer, so the client keeps up (RFC 9449 §9).
    expect(accepted.headers.get('dpop-nonce')).toBe(given);
  });
});
