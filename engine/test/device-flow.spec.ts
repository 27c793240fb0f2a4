import { form } from './flow-helpers';
import { content, EngineHarness } from './harness';

const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';

async function authorizeDevice(engine: EngineHarness, scope = 'openid profile') {
  const response = await engine.call('/device/authorization', {
    parameters: form({ client_id: 'demo-device', scope }),
  });
  return { response, body: content(response) };
}

function poll(engine: EngineHarness, deviceCode: string, clientId = 'demo-device') {
  return engine.call('/auth/token', {
    parameters: form({ grant_type: DEVICE_CODE, device_code: deviceCode, client_id: clientId }),
  });
}

describe('device flow: /device/authorization, /device/verification, /device/complete (RFC 8628)', () => {
  let engine: EngineHarness;
  beforeEach(async () => {
    engine = await EngineHarness.create();
  });
  afterEach(() => engine.close());

  it('OK carries the §3.2 body with expires_in and interval from the service settings', async () => {
    const { response, body } = await authorizeDevice(engine);
    expect(response.body).toMatchObject({
      action: 'OK',
      clientIdAlias: 'demo-device',
      clientAuthMethod: 'NONE',
      expiresIn: 600,
      interval: 5,
      verificationUri: 'http://localhost:8080/api/device',
    });
    expect(body.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{8}$/);
    expect(body).toMatchObject({
      device_code: response.body.deviceCode,
      verification_uri: 'http://localhost:8080/api/device',
      verification_uri_complete: `http://localhost:8080/api/device?user_code=${String(body.user_code)}`,
      expires_in: 600,
      interval: 5,
    });
  });

  it('BAD_REQUEST for a client without the device grant, an unknown scope; UNAUTHORIZED for a bad secret', async () => {
    const web = await engine.call('/device/authorization', {
      parameters: form({ scope: 'openid' }),
      clientId: 'demo-web',
      clientSecret: 'demo-web-secret',
    });
    expect(web.body.action).toBe('BAD_REQUEST');
    expect(content(web).error).toBe('unauthorized_client');
    const scope = await authorizeDevice(engine, 'openid nope');
    expect(scope.response.body.action).toBe('BAD_REQUEST');
    expect(scope.body.error).toBe('invalid_scope');
    const secret = await engine.call('/device/authorization', {
      parameters: form({ scope: 'openid' }),
      clientId: 'demo-web',
      clientSecret: 'wrong',
    });
    expect(secret.body.action).toBe('UNAUTHORIZED');
    expect(content(secret).error).toBe('invalid_client');
  });

  it('pending, slow_down when polling too fast (interval grows by 5), then tokens once after AUTHORIZED', async () => {
    const { body } = await authorizeDevice(engine);
    const deviceCode = body.device_code as string;
    const first = await poll(engine, deviceCode);
    expect(first.body.action).toBe('BAD_REQUEST');
    expect(content(first).error).toBe('authorization_pending');
    const fast = await poll(engine, deviceCode);
    expect(content(fast).error).toBe('slow_down');
    engine.advance(6);
    expect(content(await poll(engine, deviceCode)).error).toBe('slow_down');
    engine.advance(16);
    expect(content(await poll(engine, deviceCode)).error).toBe('authorization_pending');
    const verified = await engine.call('/device/verification', { userCode: body.user_code });
    expect(verified.body).toMatchObject({ action: 'VALID', clientIdAlias: 'demo-device' });
    expect(verified.body.scopes).toEqual([
      expect.objectContaining({ name: 'openid' }),
      expect.objectContaining({ name: 'profile' }),
    ]);
    expect(verified.body.expiresAt).toBe(engine.time - 22_000 + 600_000);
    const completed = await engine.call('/device/complete', {
      userCode: body.user_code,
      result: 'AUTHORIZED',
      subject: 'alice',
      authTime: 1700000000,
    });
    expect(completed.body.action).toBe('SUCCESS');
    engine.advance(16);
    const tokens = await poll(engine, deviceCode);
    expect(tokens.body).toMatchObject({ action: 'OK', grantType: 'DEVICE_CODE', subject: 'alice' });
    expect(content(tokens)).toMatchObject({ token_type: 'Bearer', scope: 'openid profile' });
    expect(content(tokens).id_token).toEqual(expect.any(String));
    engine.advance(16);
    expect(content(await poll(engine, deviceCode)).error).toBe('invalid_grant');
    const again = await engine.call('/device/verification', { userCode: body.user_code });
    expect(again.body.action).toBe('NOT_EXIST');
  });

  it('ACCESS_DENIED gives access_denied; an expired code gives EXPIRED, USER_CODE_EXPIRED and expired_token', async () => {
    const denied = await authorizeDevice(engine);
    await engine.call('/device/complete', {
      userCode: denied.body.user_code,
      result: 'ACCESS_DENIED',
    });
    expect(content(await poll(engine, denied.body.device_code as string)).error).toBe(
      'access_denied',
    );
    const late = await authorizeDevice(engine);
    engine.advance(601);
    expect(
      (await engine.call('/device/verification', { userCode: late.body.user_code })).body.action,
    ).toBe('EXPIRED');
    const complete = await engine.call('/device/complete', {
      userCode: late.body.user_code,
      result: 'AUTHORIZED',
      subject: 'alice',
    });
    expect(complete.body.action).toBe('USER_CODE_EXPIRED');
    expect(content(await poll(engine, late.body.device_code as string)).error).toBe(
      'expired_token',
    );
  });

  it('NOT_EXIST, USER_CODE_NOT_EXIST and INVALID_REQUEST; another client cannot use the device code', async () => {
    expect((await engine.call('/device/verification', { userCode: 'BCDFGHJK' })).body.action).toBe(
      'NOT_EXIST',
    );
    const { body } = await authorizeDevice(engine);
    const missing = await engine.call('/device/complete', {
      userCode: body.user_code,
      result: 'AUTHORIZED',
    });
    expect(missing.body.action).toBe('INVALID_REQUEST');
    const unknown = await engine.call('/device/complete', {
      userCode: 'BCDFGHJK',
      result: 'ACCESS_DENIED',
    });
    expect(unknown.body.action).toBe('USER_CODE_NOT_EXIST');
    const other = await engine.call('/auth/token', {
      parameters: form({ grant_type: DEVICE_CODE, device_code: body.device_code as string }),
      clientId: 'demo-web',
      clientSecret: 'demo-web-secret',
    });
    expect(content(other).error).toMatch(/unauthorized_client|invalid_grant/);
  });

  it('discovery advertises the device and CIBA endpoints from the service settings', async () => {
    const response = await engine.call('/service/configuration');
    const document = JSON.parse(response.text) as Record<string, unknown>;
    expect(document).toMatchObject({
      device_authorization_endpoint: 'http://localhost:8080/api/device/authorization',
      backchannel_authentication_endpoint: 'http://localhost:8080/api/backchannel/authentication',
      backchannel_token_delivery_modes_supported: ['poll', 'ping', 'push'],
      backchannel_user_code_parameter_supported: true,
    });
    expect(document.grant_types_supported).toEqual(
      expect.arrayContaining([DEVICE_CODE, 'urn:openid:params:grant-type:ciba']),
    );
  });
});
