import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizeAs, authorizationPath } from '../authorization/support/flow';
import { exchangeCode, jwtPayload, userinfo } from '../authorization/support/tokens';
import { Browser } from '../../support/browser';
import {
  backchannelAuthentication,
  basicAuth,
  decideOnDevice,
  pollCibaToken,
  signInOnDevice,
} from '../../support/ciba';
import { demoClient, writeEngineConfig } from '../../support/engine-config';
import { startTestApp, type TestApp } from '../../support/test-app';

/** A copy of demo-ciba that requires a user code (CIBA Core §7.1, client `bcUserCodeRequired`). */
const CODE_CLIENT = basicAuth('test-ciba-code', 'demo-ciba-secret');
/** alice's `ciba_user_code` in config/users.json. */
const ALICE_CODE = '7491';

describe('CIBA user_code (CIBA Core §7.1) against the demo user store on the embedded engine', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ciba-user-code-'));
    const config = writeEngineConfig(dir, (engine) => {
      engine.service.backchannelPollingInterval = 1;
      // Every claim "supported", so only the server keeps ciba_user_code from being released.
      engine.service.supportedClaims = [];
      engine.clients.push({
        ...demoClient(engine, 'demo-ciba'),
        clientId: 17201083166191,
        clientIdAlias: 'test-ciba-code',
        bcUserCodeRequired: true,
      });
    });
    app = await startTestApp({
      THROTTLE_ENABLED: 'false',
      ENGINE_CONFIG: config,
      ENGINE_DATA_DIR: join(dir, 'data'),
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues tokens when the user code matches alice’s ciba_user_code', async () => {
    const started = await backchannelAuthentication(app.url, CODE_CLIENT, {
      login_hint: 'alice',
      user_code: ALICE_CODE,
    });
    expect(started.status).toBe(200);
    const authReqId = started.body.auth_req_id as string;
    const browser = new Browser(app.url);
    await decideOnDevice(browser, await signInOnDevice(browser), authReqId, 'approve');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const tokens = await pollCibaToken(app.url, CODE_CLIENT, authReqId);
    expect(tokens.status).toBe(200);
    expect(jwtPayload(tokens.body.id_token)).toMatchObject({ sub: '1001' });
  });

  it.each([
    ['a wrong user code', 'invalid_user_code', { user_code: '0000' }],
    ['no user code', 'missing_user_code', {}],
  ])('answers %s with %s', async (_why, error, extra: Record<string, string>) => {
    const answer = await backchannelAuthentication(app.url, CODE_CLIENT, {
      login_hint: 'alice',
      ...extra,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe(error);
  });

  it('never releases ciba_user_code in the ID token or at userinfo, even when requested', async () => {
    const claims = JSON.stringify({
      id_token: { ciba_user_code: null, 'ciba_user_code#en': null, nickname: null },
      userinfo: { ciba_user_code: null, nickname: null },
    });
    const { params } = await authorizeAs(new Browser(app.url), authorizationPath({ claims }));
    const tokens = await exchangeCode(app.url, params.get('code') ?? '');
    const idToken = jwtPayload(tokens.id_token);
    expect(idToken.nickname).toBe('ali');
    expect(idToken).not.toHaveProperty('ciba_user_code');
    expect(JSON.stringify(idToken)).not.toContain(ALICE_CODE);
    const info = await userinfo(app.url, tokens.access_token);
    expect(info.nickname).toBe('ali');
    expect(JSON.stringify(info)).not.toContain('ciba_user_code');
  });
});
