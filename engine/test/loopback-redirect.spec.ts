import type { ClientConfig } from '../src/config/engine-config';
import { authorize } from './flow-helpers';
import { content, EngineHarness } from './harness';

/** A native app (a CLI, a desktop app) that receives the code on a loopback listener. */
const NATIVE_CLIENT = {
  clientId: 17201083169901,
  clientIdAlias: 'test-native',
  clientType: 'PUBLIC',
  applicationType: 'NATIVE',
  clientName: 'Test Native App',
  redirectUris: ['http://127.0.0.1/callback', 'http://[::1]/callback'],
  grantTypes: ['AUTHORIZATION_CODE'],
  responseTypes: ['CODE'],
  tokenAuthMethod: 'NONE',
  pkceRequired: true,
} as unknown as ClientConfig;

const request = (redirectUri: string) => ({
  response_type: 'code',
  client_id: 'test-native',
  redirect_uri: redirectUri,
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
});

describe('loopback redirect URIs (RFC 8252 §7.3, service loopbackRedirectionUriVariable)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create((config) => {
      config.clients.push(NATIVE_CLIENT);
    });
  });
  afterAll(() => engine.close());

  it.each([
    'http://127.0.0.1:53124/callback',
    'http://127.0.0.1/callback',
    'http://[::1]:8400/callback',
  ])('a native client may use any port on its registered loopback URI: %s', async (redirectUri) => {
    const response = await authorize(engine, request(redirectUri));
    expect(response.body.action).toBe('INTERACTION');
  });

  it.each([
    ['another path', 'http://127.0.0.1:53124/other'],
    ['another loopback literal', 'http://[::1]:53124/other'],
    ['localhost instead of the IP literal', 'http://localhost:53124/callback'],
    ['https instead of http', 'https://127.0.0.1:53124/callback'],
    ['an added query', 'http://127.0.0.1:53124/callback?x=1'],
  ])('a native client still needs the rest to match (%s)', async (_title, redirectUri) => {
    const response = await authorize(engine, request(redirectUri));
    expect(response.body.action).toBe('BAD_REQUEST');
    expect(content(response).error).toBe('invalid_request');
  });

  it('a web client (demo-web) may not vary the port of its loopback URI', async () => {
    const response = await authorize(engine, {
      response_type: 'code',
      client_id: 'demo-web',
      redirect_uri: 'http://127.0.0.1:4000/callback',
    });
    expect(response.body.action).toBe('BAD_REQUEST');
  });

  it('without loopbackRedirectionUriVariable, a native client’s port must match too', async () => {
    const strict = await EngineHarness.create((config) => {
      config.clients.push(NATIVE_CLIENT);
      config.service.loopbackRedirectionUriVariable = false;
    });
    try {
      const response = await authorize(strict, request('http://127.0.0.1:53124/callback'));
      expect(response.body.action).toBe('BAD_REQUEST');
    } finally {
      await strict.close();
    }
  });
});
