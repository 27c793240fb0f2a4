import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineRequest } from '../../contract';
import { createEngine, startEngine, type RunningEngine } from '../index';
import { CONFIG_PATH } from './harness';

const json = { 'content-type': 'application/json' };

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
    headers: { authorization, ...json },
    body: JSON.stringify({
      parameters: 'grant_type=client_credentials&scope=read',
      clientId: 'demo-service',
      clientSecret: 'demo-service-secret',
    }),
  });

  /** The same request over the engine's HTTP server. */
  async function overHttp(request: EngineRequest): Promise<{ status: number; body: string }> {
    const response = await fetch(`${engine.url}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    return { status: response.status, body: await response.text() };
  }

  it('answers a token request like HTTP does: 200, JSON envelope, action OK', async () => {
    const answer = await engine.dispatch(tokenRequest('Bearer known'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    expect(body).toMatchObject({ action: 'OK', resultCode: 'A053001' });
    // The token it minted is known to the engine reached over HTTP as well.
    const introspection = await overHttp({
      method: 'POST',
      url: `/api/${engine.serviceId}/auth/introspection`,
      headers: { authorization: 'Bearer known', ...json },
      body: JSON.stringify({ token: body.accessToken }),
    });
    expect(JSON.parse(introspection.body)).toMatchObject({ action: 'OK', usable: true });
  });

  it('checks the service token again when a reused headers object carries another one', async () => {
    const request = tokenRequest('Bearer known');
    expect((await engine.dispatch(request)).status).toBe(200);
    expect((await engine.dispatch(request)).status).toBe(200);
    request.headers.authorization = 'Bearer wrong';
    const refused = await engine.dispatch(request);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ resultCode: 'A001203' });
    request.headers.authorization = 'Bearer known';
    expect((await engine.dispatch(request)).status).toBe(200);
  });

  const auth = { authorization: 'Bearer known' };
  const service = (): string => engine.serviceId;
  const cases: [string, () => EngineRequest][] = [
    ['no token', () => ({ ...tokenRequest(''), headers: json })],
    ['a wrong token', () => tokenRequest('Bearer wrong')],
    [
      'an unknown service id',
      () => ({ ...tokenRequest('Bearer known'), url: '/api/0/auth/token' }),
    ],
    [
      'an unknown path',
      () => ({ ...tokenRequest('Bearer known'), url: `/api/${service()}/auth/none` }),
    ],
    [
      'an unknown path without a token',
      () => ({ ...tokenRequest(''), url: '/api/1/x', headers: json }),
    ],
    [
      'a wrong method',
      () => ({ method: 'GET', url: `/api/${service()}/auth/token`, headers: auth }),
    ],
    ['unreadable JSON', () => ({ ...tokenRequest('Bearer known'), body: '{"parameters": ' })],
    ['an empty JSON body', () => ({ ...tokenRequest('Bearer known'), body: '' })],
    [
      'a __proto__ member',
      () => ({ ...tokenRequest('Bearer known'), body: '{"__proto__":{"x":1},"parameters":""}' }),
    ],
    [
      'a caller error (missing parameters)',
      () => ({ ...tokenRequest('Bearer known'), body: '{"clientId":"demo-service"}' }),
    ],
    [
      'a GET query (pretty discovery)',
      () => ({
        method: 'GET',
        url: `/api/${service()}/service/configuration?pretty=true`,
        headers: auth,
      }),
    ],
    [
      'a path segment (client/get/{clientId})',
      () => ({ method: 'GET', url: `/api/${service()}/client/get/demo-web`, headers: auth }),
    ],
    [
      'an unknown client in a path segment',
      () => ({ method: 'GET', url: `/api/${service()}/client/get/no%20one`, headers: auth }),
    ],
  ];

  it.each(cases)('answers %s with the same status and body as HTTP', async (_name, build) => {
    const request = build();
    const [direct, http] = await Promise.all([engine.dispatch(request), overHttp(request)]);
    expect({ status: direct.status, body: direct.body }).toEqual(http);
  });

  describe('a body handed over as a value (members)', () => {
    const valueRequest = (members: object, authorization = 'Bearer known'): EngineRequest => ({
      method: 'POST',
      url: `/api/${engine.serviceId}/auth/introspection`,
      headers: { authorization, ...json },
      members,
    });

    it.each([
      ['an unknown token', { token: 'no-such-token' }],
      ['a caller error (missing token)', { scopes: ['read'] }],
      ['a member set to undefined, read as absent', { token: 'no-such-token', scopes: undefined }],
    ])('answers %s with the same JSON as HTTP, as a value and no text', async (_name, members) => {
      const [direct, http] = await Promise.all([
        engine.dispatch(valueRequest(members)),
        overHttp({ ...valueRequest(members), body: JSON.stringify(members), members: undefined }),
      ]);
      expect(direct.status).toBe(http.status);
      expect(direct.body).toBe('');
      expect(direct.value).toEqual(JSON.parse(http.body));
    });

    it('mints a token from a value body that the engine then knows', async () => {
      const minted = await engine.dispatch({
        ...tokenRequest('Bearer known'),
        body: undefined,
        members: {
          parameters: 'grant_type=client_credentials&scope=read',
          clientId: 'demo-service',
          clientSecret: 'demo-service-secret',
        },
      });
      expect(minted.value).toMatchObject({ action: 'OK', resultCode: 'A053001' });
      const { accessToken } = minted.value as { accessToken: string };
      const known = await engine.dispatch(valueRequest({ token: accessToken }));
      expect(known.value).toMatchObject({ action: 'OK', usable: true });
    });

    it('answers API-level errors as text, as over HTTP', async () => {
      const wrong = await engine.dispatch(valueRequest({ token: 'x' }, 'Bearer wrong'));
      expect(wrong.status).toBe(401);
      expect(wrong.value).toBeUndefined();
      expect(JSON.parse(wrong.body)).toMatchObject({ resultCode: 'A001203' });
    });
  });

  it('keeps the API-level error shapes: 401 A001203, 404, 400', async () => {
    const wrong = await engine.dispatch(tokenRequest('Bearer wrong'));
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ resultCode: 'A001203' });
    const unknown = await engine.dispatch({
      method: 'GET',
      url: '/api/0/service/configuration',
      headers: auth,
    });
    expect(unknown.status).toBe(404);
    const unreadable = await engine.dispatch({ ...tokenRequest('Bearer known'), body: '{' });
    expect(unreadable.status).toBe(400);
    expect(JSON.parse(unreadable.body)).toHaveProperty('resultCode', 'A001204');
  });
});

describe('createEngine: the engine in process opens no socket', () => {
  it('answers through dispatch while the process gains no listening socket', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-embedded-'));
    // Listening TCP sockets of this process only (other suites may listen meanwhile).
    const listening = (): number => {
      const mine = new Set(
        readdirSync('/proc/self/fd').map((fd) => {
          try {
            return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`))?.[1];
          } catch {
            return undefined;
          }
        }),
      );
      return ['/proc/net/tcp', '/proc/net/tcp6']
        .flatMap((table) => readFileSync(table, 'utf8').split('\n').slice(1))
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[3] === '0A' && mine.has(fields[9])).length;
    };
    const before = listening();
    const engine = await createEngine({ config: CONFIG_PATH, dataDir, accessToken: 'k' });
    try {
      expect(listening()).toBe(before);
      const answer = await engine.dispatch({
        method: 'POST',
        url: `/api/${engine.serviceId}/auth/token`,
        headers: { authorization: 'Bearer k', ...json },
        body: JSON.stringify({ parameters: 'grant_type=client_credentials', clientId: 'x' }),
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toHaveProperty('action');
    } finally {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
