import { createLocalJWKSet, jwtVerify } from 'jose';
import { codeFlowTokens, form } from './flow-helpers';
import { content, EngineHarness } from './harness';

const CIBA = 'urn:openid:params:grant-type:ciba';
const POLL_CLIENT = { clientId: 'demo-ciba', clientSecret: 'demo-ciba-secret' };
const PING_CLIENT = { clientId: 'demo-ciba-ping', clientSecret: 'demo-ciba-ping-secret' };

function authenticate(
  engine: EngineHarness,
  parameters: Record<string, string>,
  client: { clientId: string; clientSecret: string } = POLL_CLIENT,
) {
  return engine.call('/backchannel/authentication', { parameters: form(parameters), ...client });
}

async function issued(
  engine: EngineHarness,
  parameters: Record<string, string>,
  client = POLL_CLIENT,
): Promise<{ ticket: string; authReqId: string; body: Record<string, unknown> }> {
  const identified = await authenticate(engine, parameters, client);
  const ticket = identified.body.ticket as string;
  const issue = await engine.call('/backchannel/authentication/issue', { ticket });
  return { ticket, authReqId: issue.body.authReqId as string, body: issue.body };
}

function poll(engine: EngineHarness, authReqId: string, client = POLL_CLIENT) {
  return engine.call('/auth/token', {
    parameters: form({ grant_type: CIBA, auth_req_id: authReqId }),
    ...client,
  });
}

describe('CIBA: /backchannel/authentication, /issue, /fail, /complete (CIBA Core 1.0)', () => {
  let engine: EngineHarness;
  beforeEach(async () => {
    engine = await EngineHarness.create((config) => {
      const push = config.clients.find((client) => client.clientIdAlias === 'demo-ciba-ping');
      if (push !== undefined) {
        config.clients.push({
          ...push,
          clientId: 17201083166189,
          clientIdAlias: 'test-ciba-push',
          bcDeliveryMode: 'PUSH',
        });
      }
    });
  });
  afterEach(() => engine.close());

  it('USER_IDENTIFICATION reports the hint, binding message, user code rule and delivery mode', async () => {
    const response = await authenticate(engine, {
      scope: 'openid profile',
      login_hint: 'alice',
      binding_message: 'W4SCT',
      requested_expiry: '120',
    });
    expect(response.body).toMatchObject({
      action: 'USER_IDENTIFICATION',
      clientIdAlias: 'demo-ciba',
      deliveryMode: 'POLL',
      hintType: 'LOGIN_HINT',
      hint: 'alice',
      bindingMessage: 'W4SCT',
      requestedExpiry: 120,
      userCodeRequired: false,
    });
    expect(response.body.ticket).toEqual(expect.any(String));
  });

  it('BAD_REQUEST without openid, with two hints, a ping client without a notification token; UNAUTHORIZED for a bad secret', async () => {
    const noOpenid = await authenticate(engine, { scope: 'profile', login_hint: 'alice' });
    expect(content(noOpenid).error).toBe('invalid_scope');
    const twoHints = await authenticate(engine, {
      scope: 'openid',
      login_hint: 'a',
      id_token_hint: 'b',
    });
    expect(twoHints.body.action).toBe('BAD_REQUEST');
    expect(content(twoHints).error).toBe('invalid_request');
    const ping = await authenticate(engine, { scope: 'openid', login_hint: 'alice' }, PING_CLIENT);
    expect(content(ping).error).toBe('invalid_request');
    const bad = await authenticate(
      engine,
      { scope: 'openid', login_hint: 'alice' },
      { clientId: 'demo-ciba', clientSecret: 'x' },
    );
    expect(bad.body.action).toBe('UNAUTHORIZED');
    const web = await authenticate(
      engine,
      { scope: 'openid', login_hint: 'alice' },
      { clientId: 'demo-web', clientSecret: 'demo-web-secret' },
    );
    expect(content(web).error).toBe('unauthorized_client');
  });

  it('a valid id_token_hint gives sub; a forged one is invalid_request', async () => {
    const { tokens } = await codeFlowTokens(engine, {}, {});
    const other = await authenticate(engine, {
      scope: 'openid',
      id_token_hint: tokens.id_token as string,
    });
    // The ID token was issued to demo-web, not to demo-ciba.
    expect(content(other).error).toBe('invalid_request');
  });

  it('poll mode: pending, slow_down, NO_ACTION on complete, then tokens; interval and expires_in from the settings', async () => {
    const { authReqId, body, ticket } = await issued(engine, {
      scope: 'openid',
      login_hint: 'alice',
      requested_expiry: '300',
    });
    expect(body).toMatchObject({ action: 'OK', expiresIn: 300, interval: 5 });
    expect(JSON.parse(body.responseContent as string)).toEqual({
      auth_req_id: authReqId,
      expires_in: 300,
      interval: 5,
    });
    expect(content(await poll(engine, authReqId)).error).toBe('authorization_pending');
    expect(content(await poll(engine, authReqId)).error).toBe('slow_down');
    const complete = await engine.call('/backchannel/authentication/complete', {
      ticket,
      result: 'AUTHORIZED',
      subject: 'alice',
    });
    expect(complete.body).toMatchObject({ action: 'NO_ACTION', authReqId, deliveryMode: 'POLL' });
    engine.advance(11);
    const tokens = await poll(engine, authReqId);
    expect(tokens.body).toMatchObject({ action: 'OK', grantType: 'CIBA', subject: 'alice' });
    const again = await engine.call('/backchannel/authentication/complete', {
      ticket,
      result: 'AUTHORIZED',
      subject: 'alice',
    });
    expect(again.body.action).toBe('SERVER_ERROR');
  });

  it('deny gives access_denied; expiry gives expired_token; a second /issue is INVALID_TICKET', async () => {
    const denied = await issued(engine, { scope: 'openid', login_hint: 'alice' });
    await engine.call('/backchannel/authentication/complete', {
      ticket: denied.ticket,
      result: 'ACCESS_DENIED',
    });
    expect(content(await poll(engine, denied.authReqId)).error).toBe('access_denied');
    const reissue = await engine.call('/backchannel/authentication/issue', {
      ticket: denied.ticket,
    });
    expect(reissue.body.action).toBe('INVALID_TICKET');
    const late = await issued(engine, {
      scope: 'openid',
      login_hint: 'alice',
      requested_expiry: '60',
    });
    engine.advance(61);
    expect(content(await poll(engine, late.authReqId)).error).toBe('expired_token');
  });

  it('/fail maps each reason to its CIBA §13 error and action', async () => {
    const cases: [string, string, string][] = [
      ['UNKNOWN_USER_ID', 'BAD_REQUEST', 'unknown_user_id'],
      ['EXPIRED_LOGIN_HINT_TOKEN', 'BAD_REQUEST', 'expired_login_hint_token'],
      ['MISSING_USER_CODE', 'BAD_REQUEST', 'missing_user_code'],
      ['INVALID_USER_CODE', 'BAD_REQUEST', 'invalid_user_code'],
      ['ACCESS_DENIED', 'FORBIDDEN', 'access_denied'],
      ['SERVER_ERROR', 'INTERNAL_SERVER_ERROR', 'server_error'],
    ];
    for (const [reason, action, error] of cases) {
      const ticket = (await authenticate(engine, { scope: 'openid', login_hint: 'x' })).body.ticket;
      const failed = await engine.call('/backchannel/authentication/fail', { ticket, reason });
      expect(failed.body.action).toBe(action);
      expect(content(failed).error).toBe(error);
    }
    const stale = await engine.call('/backchannel/authentication/fail', {
      ticket: 'nope',
      reason: 'UNKNOWN_USER_ID',
    });
    expect(stale.body.action).toBe('INTERNAL_SERVER_ERROR');
  });

  it('ping mode: NOTIFICATION with {auth_req_id}, the endpoint and the token; the client then polls', async () => {
    const { ticket, authReqId } = await issued(
      engine,
      { scope: 'openid', login_hint: 'alice', client_notification_token: 'nt-123' },
      PING_CLIENT,
    );
    const complete = await engine.call('/backchannel/authentication/complete', {
      ticket,
      result: 'AUTHORIZED',
      subject: 'alice',
    });
    expect(complete.body).toMatchObject({
      action: 'NOTIFICATION',
      deliveryMode: 'PING',
      clientNotificationEndpoint: 'http://localhost:3000/ciba/notify',
      clientNotificationToken: 'nt-123',
    });
    expect(JSON.parse(complete.body.responseContent as string)).toEqual({ auth_req_id: authReqId });
    expect((await poll(engine, authReqId, PING_CLIENT)).body.action).toBe('OK');
  });

  it('push mode: NOTIFICATION with the tokens, an ID token with auth_req_id and rt_hash; polling is refused', async () => {
    const pushClient = { clientId: 'test-ciba-push', clientSecret: 'demo-ciba-ping-secret' };
    const { ticket, authReqId } = await issued(
      engine,
      { scope: 'openid', login_hint: 'alice', client_notification_token: 'nt-9' },
      pushClient,
    );
    expect(content(await poll(engine, authReqId, pushClient)).error).toBe('unauthorized_client');
    const complete = await engine.call('/backchannel/authentication/complete', {
      ticket,
      result: 'AUTHORIZED',
      subject: 'alice',
    });
    const pushed = JSON.parse(complete.body.responseContent as string) as Record<string, unknown>;
    expect(pushed).toMatchObject({ auth_req_id: authReqId, token_type: 'Bearer' });
    expect(typeof pushed.access_token).toBe('string');
    const jwks = createLocalJWKSet(engine.built.context.keys.publicJwkSet());
    const { payload } = await jwtVerify(pushed.id_token as string, jwks);
    expect(payload['urn:openid:params:jwt:claim:auth_req_id']).toBe(authReqId);
    expect(payload['urn:openid:params:jwt:claim:rt_hash']).toEqual(expect.any(String));
    const denied = await issued(
      engine,
      { scope: 'openid', login_hint: 'alice', client_notification_token: 'nt-9' },
      pushClient,
    );
    const refusal = await engine.call('/backchannel/authentication/complete', {
      ticket: denied.ticket,
      result: 'ACCESS_DENIED',
    });
    expect(JSON.parse(refusal.body.responseContent as string)).toEqual({
      error: 'access_denied',
      auth_req_id: denied.authReqId,
    });
  });
});
