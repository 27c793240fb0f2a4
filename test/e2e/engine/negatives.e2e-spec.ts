import { startLocalTarget } from '../../conformance/support/local-target';
import type { ConformanceTarget } from '../../conformance/support/target';
import { Browser } from '../../support/browser';
import { authorizationPath, authorizeAs, pkce } from '../authorization/support/flow';

const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function tokenRequest(
  issuer: string,
  form: Record<string, string>,
  auth = basic('demo-web', 'demo-web-secret'),
): Promise<Response> {
  return fetch(`${issuer}/api/token`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

async function introspect(issuer: string, token: string): Promise<unknown> {
  const response = await fetch(`${issuer}/api/introspection`, {
    method: 'POST',
    headers: {
      authorization: basic('demo-rs', 'demo-rs-secret'),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token }).toString(),
  });
  return response.json();
}

async function codeFor(target: ConformanceTarget, challenge: string): Promise<string> {
  const browser = new Browser(target.issuer);
  const { params } = await authorizeAs(
    browser,
    authorizationPath({ code_challenge: challenge, code_challenge_method: 'S256' }),
  );
  return params.get('code') ?? '';
}

describe('engine negatives end to end (embedded engine, no environment)', () => {
  let target: ConformanceTarget;
  beforeAll(async () => {
    target = await startLocalTarget({ service: { authorizationCodeDuration: 2 } });
  });
  afterAll(async () => {
    await target.close();
  });

  it('rejects a wrong PKCE verifier with 400 invalid_grant', async () => {
    const { challenge } = pkce();
    const code = await codeFor(target, challenge);
    const response = await tokenRequest(target.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:3000/callback',
      code_verifier: pkce().verifier,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('rejects a reused code and revokes the tokens issued from it', async () => {
    const { challenge, verifier } = pkce();
    const code = await codeFor(target, challenge);
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:3000/callback',
      code_verifier: verifier,
    };
    const first = (await (await tokenRequest(target.issuer, form)).json()) as {
      access_token: string;
    };
    expect(await introspect(target.issuer, first.access_token)).toMatchObject({ active: true });
    const second = await tokenRequest(target.issuer, form);
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await introspect(target.issuer, first.access_token)).toEqual({ active: false });
  });

  it('rejects an expired code', async () => {
    const { challenge, verifier } = pkce();
    const code = await codeFor(target, challenge);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const response = await tokenRequest(target.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:3000/callback',
      code_verifier: verifier,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it.each([
    ['a redirect_uri mismatch', authorizationPath({ redirect_uri: 'https://evil.example/cb' })],
    ['an unknown client', authorizationPath({ client_id: 'no-such-client' })],
  ])('answers %s with 400 and no redirect', async (_name, path) => {
    const response = await new Browser(target.issuer).get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('answers a wrong client secret with 401 and a Basic challenge', async () => {
    const response = await tokenRequest(
      target.issuer,
      { grant_type: 'client_credentials' },
      basic('demo-service', 'wrong'),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers prompt=none without a login session with login_required through /fail', async () => {
    const response = await new Browser(target.issuer).get(
      authorizationPath({ prompt: 'none', state: 's-none' }),
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('http://localhost:3000/callback');
    expect(location.searchParams.get('error')).toBe('login_required');
    expect(location.searchParams.get('state')).toBe('s-none');
    expect(location.searchParams.get('iss')).toBe(target.issuer);
  });
});
