import { useTwoInstances } from '../support/two-instances';
import { Browser } from '../../support/browser';
import { deviceLogin, enterUserCode } from '../../e2e/device/support/device-browser';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CIBA_CLIENT = `Basic ${Buffer.from('demo-ciba:demo-ciba-secret').toString('base64')}`;

function csrfOf(html: string): string {
  return /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
}

describe('device and CIBA state shared by two instances through Redis (REDIS_URL)', () => {
  const instances = useTwoInstances({ THROTTLE_ENABLED: 'false' });

  it('a CIBA request made through instance A is listed and approved on instance B', async () => {
    const started = await fetch(`${instances.urls[0]}/api/backchannel/authentication`, {
      method: 'POST',
      headers: { ...FORM, authorization: CIBA_CLIENT },
      body: 'scope=openid&login_hint=alice&binding_message=TWO-INSTANCES',
    });
    const { auth_req_id: authReqId } = (await started.json()) as { auth_req_id: string };
    const onB = new Browser(instances.urls[1]);
    const login = await (await onB.get('/api/backchannel/device')).text();
    const list = await (
      await onB.post('/api/backchannel/device', {
        csrf: csrfOf(login),
        username: 'alice',
        password: 'alice-password',
        decision: 'login',
      })
    ).text();
    expect(list).toContain('TWO-INSTANCES');
    const done = await onB.post('/api/backchannel/device', {
      csrf: csrfOf(list),
      request: authReqId,
      decision: 'approve',
    });
    expect(await done.text()).toContain('Approved');
    const tokens = await fetch(`${instances.urls[0]}/api/token`, {
      method: 'POST',
      headers: { ...FORM, authorization: CIBA_CLIENT },
      body: new URLSearchParams({
        grant_type: 'urn:openid:params:grant-type:ciba',
        auth_req_id: authReqId,
      }).toString(),
    });
    expect(tokens.status).toBe(200);
  });

  it('wrong user codes count on both instances (RFC 8628 §5.1)', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 12; index += 1) {
      const browser = new Browser(instances.urls[index % 2]!);
      statuses.push((await enterUserCode(browser, `NOPE${index}`)).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('a verified code shown by A signs in on B', async () => {
    const device = (await (
      await fetch(`${instances.urls[0]}/api/device/authorization`, {
        method: 'POST',
        headers: FORM,
        body: 'client_id=demo-device&scope=openid',
      })
    ).json()) as { user_code: string };
    // Forget the previous test's wrong codes, which would throttle this browser too.
    const counters = await instances.redis.keys(`${instances.prefix}*device-code:*`);
    if (counters.length > 0) await instances.redis.del(...counters);
    const onA = new Browser(instances.urls[0]);
    const login = await (await enterUserCode(onA, device.user_code)).text();
    const onB = new Browser(instances.urls[1], onA.cookies);
    const consent = await (await deviceLogin(onB, login, 'alice', 'alice-password')).text();
    expect(consent).toContain('name="decision" value="approve"');
  });
});
