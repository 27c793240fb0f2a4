import { createLocalJWKSet, jwtVerify } from 'jose';
import { AUTHORIZATION_FAIL_REASONS } from '../src/flows/authorization/authorization-fail';
import { leftHalfHash } from '../src/keys/jwt-signer';
import { authorize, WEB_REDIRECT } from './flow-helpers';
import { content, EngineHarness, redirectParams } from './harness';

const base = {
  response_type: 'code',
  client_id: 'demo-web',
  redirect_uri: WEB_REDIRECT,
  state: 'st',
};

describe('/auth/authorization/issue and /fail (authlete-api.md §4.2, §4.3)', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  async function ticketFor(parameters: Record<string, string> = {}): Promise<string> {
    const response = await authorize(engine, { ...base, ...parameters });
    return response.body.ticket as string;
  }

  it('issue returns LOCATION with code, state and iss (A040001)', async () => {
    const response = await engine.call('/auth/authorization/issue', {
      ticket: await ticketFor(),
      subject: 'alice',
    });
    expect(response.body).toMatchObject({
      resultCode: 'A040001',
      action: 'LOCATION',
      accessTokenDuration: 0,
      accessTokenExpiresAt: 0,
    });
    const location = response.body.responseContent as string;
    expect(location.startsWith(`${WEB_REDIRECT}?code=`)).toBe(true);
    const params = redirectParams(location);
    expect(params.get('code')).toBe(response.body.authorizationCode);
    expect(params.get('state')).toBe('st');
    expect(params.get('iss')).toBe('http://localhost:8080');
  });

  it('pitfall §11.5: a ticket is single-use; a used or unknown ticket is BAD_REQUEST, not 500', async () => {
    const ticket = await ticketFor();
    await engine.call('/auth/authorization/issue', { ticket, subject: 'alice' });
    const again = await engine.call('/auth/authorization/issue', { ticket, subject: 'alice' });
    expect(again.status).toBe(200);
    expect(again.body.action).toBe('BAD_REQUEST');
    const fail = await engine.call('/auth/authorization/fail', {
      ticket: 'unknown',
      reason: 'DENIED',
    });
    expect(fail.body.action).toBe('BAD_REQUEST');
    expect(content(fail).error).toBe('invalid_request');
  });

  it('pitfall §11.5: a ticket expires', async () => {
    const ticket = await ticketFor();
    engine.advance(601);
    const response = await engine.call('/auth/authorization/issue', { ticket, subject: 'alice' });
    expect(response.body.action).toBe('BAD_REQUEST');
  });

  it('issue without subject is a caller error (BAD_REQUEST, category 2) and keeps the ticket', async () => {
    const ticket = await ticketFor();
    const response = await engine.call('/auth/authorization/issue', { ticket });
    expect(response.body.action).toBe('BAD_REQUEST');
    expect((response.body.resultCode as string).charAt(4)).toBe('2');
    const retry = await engine.call('/auth/authorization/issue', { ticket, subject: 'alice' });
    expect(retry.body.action).toBe('LOCATION');
  });

  it('hybrid code id_token: fragment with code, id_token (c_hash, nonce, supplied claims), state, iss', async () => {
    const ticket = await ticketFor({
      response_type: 'code id_token',
      scope: 'openid profile',
      nonce: 'n-1',
    });
    const response = await engine.call('/auth/authorization/issue', {
      ticket,
      subject: 'alice',
      authTime: 1700000000,
      acr: 'urn:mace:incommon:iap:silver',
      claims: JSON.stringify({ name: 'Alice', sub: 'ignored' }),
      sessionId: 'sess-1',
    });
    const location = response.body.responseContent as string;
    expect(location).toContain('#code=');
    const params = redirectParams(location);
    const idToken = params.get('id_token')!;
    expect(idToken).toBe(response.body.idToken);
    const jwks = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { payload, protectedHeader } = await jwtVerify(idToken, jwks, {
      issuer: 'http://localhost:8080',
      audience: 'demo-web',
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: 'alice',
      nonce: 'n-1',
      auth_time: 1700000000,
      acr: 'urn:mace:incommon:iap:silver',
      sid: 'sess-1',
      name: 'Alice',
    });
    expect(payload.c_hash).toBe(leftHalfHash(params.get('code')!));
    expect(payload.at_hash).toBeUndefined();
  });

  it("id_token response type: the sub override replaces the ID token sub (pairwise is the service's job)", async () => {
    const ticket = await ticketFor({ response_type: 'id_token', scope: 'openid', nonce: 'n' });
    const response = await engine.call('/auth/authorization/issue', {
      ticket,
      subject: 'alice',
      sub: 'pairwise-xyz',
    });
    const params = redirectParams(response.body.responseContent);
    expect(params.get('code')).toBeNull();
    const jwks = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { payload } = await jwtVerify(params.get('id_token')!, jwks);
    expect(payload.sub).toBe('pairwise-xyz');
  });

  it('form_post: issue answers FORM with an auto-submitting page', async () => {
    const ticket = await ticketFor({ response_mode: 'form_post' });
    const response = await engine.call('/auth/authorization/issue', { ticket, subject: 'alice' });
    expect(response.body.action).toBe('FORM');
    const html = response.body.responseContent as string;
    expect(html).toContain('onload="javascript:document.forms[0].submit()"');
    expect(html).toContain('name="code"');
    expect(html).toContain('name="iss" value="http://localhost:8080"');
  });

  it.each(AUTHORIZATION_FAIL_REASONS.map((reason) => [reason]))(
    'fail with reason %s redirects the mapped error',
    async (reason) => {
      const expected: Record<string, string> = {
        UNKNOWN: 'server_error',
        NOT_LOGGED_IN: 'login_required',
        MAX_AGE_NOT_SUPPORTED: 'login_required',
        EXCEEDS_MAX_AGE: 'login_required',
        DIFFERENT_SUBJECT: 'login_required',
        ACR_NOT_SATISFIED: 'unmet_authentication_requirements',
        DENIED: 'access_denied',
        SERVER_ERROR: 'server_error',
        NOT_AUTHENTICATED: 'login_required',
        ACCOUNT_SELECTION_REQUIRED: 'account_selection_required',
        CONSENT_REQUIRED: 'consent_required',
        INTERACTION_REQUIRED: 'interaction_required',
        INVALID_TARGET: 'invalid_target',
        INVALID_SCOPE: 'invalid_scope',
        UNAUTHORIZED_CLIENT: 'unauthorized_client',
        TEMPORARILY_UNAVAILABLE: 'temporarily_unavailable',
      };
      const response = await engine.call('/auth/authorization/fail', {
        ticket: await ticketFor(),
        reason,
      });
      expect(response.body.action).toBe('LOCATION');
      const params = redirectParams(response.body.responseContent);
      expect(params.get('error')).toBe(expected[reason]);
      expect(params.get('state')).toBe('st');
      expect(params.get('iss')).toBe('http://localhost:8080');
      expect(params.get('error_description')).toBe(`${response.body.resultMessage as string}`);
    },
  );

  it('prompt=none without a session: NO_INTERACTION then fail NOT_LOGGED_IN gives login_required', async () => {
    const authorization = await authorize(engine, { ...base, prompt: 'none' });
    expect(authorization.body.action).toBe('NO_INTERACTION');
    const fail = await engine.call('/auth/authorization/fail', {
      ticket: authorization.body.ticket,
      reason: 'NOT_LOGGED_IN',
    });
    expect(redirectParams(fail.body.responseContent).get('error')).toBe('login_required');
  });

  it('fail uses a custom description and rejects an unknown reason as a caller error', async () => {
    const ticket = await ticketFor();
    const bad = await engine.call('/auth/authorization/fail', { ticket, reason: 'BORED' });
    expect(bad.body.action).toBe('BAD_REQUEST');
    const response = await engine.call('/auth/authorization/fail', {
      ticket,
      reason: 'DENIED',
      description: 'No thanks',
    });
    expect(redirectParams(response.body.responseContent).get('error_description')).toMatch(
      /No thanks$/,
    );
  });

  it('form_post errors from /fail come back as FORM', async () => {
    const response = await engine.call('/auth/authorization/fail', {
      ticket: await ticketFor({ response_mode: 'form_post' }),
      reason: 'DENIED',
    });
    expect(response.body.action).toBe('FORM');
    expect(response.body.responseContent).toContain('name="error" value="access_denied"');
  });
});
