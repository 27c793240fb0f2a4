import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type RunningEngine } from '../index';
import { CONFIG_PATH } from './harness';

describe('RunningEngine.dispatch: the same API in process, without a socket', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-dispatch-'));
  let engine: RunningEngine;
  beforeAll(async () => {
    engine = await startEngine({ config: CONFIG_PATH, dataDir, accessToken: 'known' });
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tokenRequest = (authorization: string) => ({
    method: 'POST' as const,
    url: `/api/${engine.serviceId}/auth/token`,
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({
      parameters: 'grant_type=client_credentials&scope=read',
      clientId: 'demo-service',
      clientSecret: 'demo-service-secret',
    }),
  });

  it('answers a token request like HTTP does: 200, JSON envelope, action OK', async () => {
    const answer = await engine.dispatch(tokenRequest('Bearer known'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    expect(body).toMatchObject({ action: 'OK', resultCode: 'A053001' });
    // The token it minted is known to the engine reached over HTTP as well.
    const introspection = await fetch(`${engine.url}/api/${engine.serviceId}/auth/introspection`, {
      method: 'POST',
      headers: { authorization: 'Bearer known', 'content-type': 'application/json' },
      body: JSON.stringify({ token: body.accessToken }),
    });
    expect(await introspection.json()).toMatchObject({ action: 'OK', usable: true });
  });

  it('applies the service authentication: a wrong token → 401 A001203', async () => {
    const answer = await engine.dispatch(tokenRequest('Bearer wrong'));
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ resultCode: 'A001203' });
  });

  it('404s an unknown service id and an unknown path; GET queries reach the API', async () => {
    const unknown = await engine.dispatch({
      method: 'GET',
      url: '/api/0/service/configuration',
      headers: { authorization: 'Bearer known' },
    });
    expect(unknown.status).toBe(404);
    const configuration = await engine.dispatch({
      method: 'GET',
      url: `/api/${engine.serviceId}/service/configuration?pretty=true`,
      headers: { authorization: 'Bearer known' },
    });
    expect(configuration.status).toBe(200);
    expect(configuration.body).toContain('\n  "issuer"');
  });

  it('400s an unreadable JSON body, as over HTTP', async () => {
    const answer = await engine.dispatch({
      ...tokenRequest('Bearer known'),
      body: '{"parameters": ',
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toHaveProperty('resultCode');
  });
});
