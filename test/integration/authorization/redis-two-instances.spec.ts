import { useTwoInstances } from '../support/two-instances';
import { randomBytes } from 'node:crypto';
import { Browser } from '../../support/browser';
import { pageKind, redirectParams } from '../../support/pages';
import {
  authorizationPath,
  submitConsent,
  submitLogin,
} from '../../e2e/authorization/support/flow';

/** Same cookies, another instance: a browser whose requests a load balancer sends elsewhere. */
function onInstance(browser: Browser, baseUrl: string): Browser {
  const moved = new Browser(baseUrl);
  for (const [name, value] of browser.cookies) moved.cookies.set(name, value);
  return moved;
}

describe('two instances sharing one Redis (REDIS_URL)', () => {
  const instances = useTwoInstances();

  it('honours on instance B a login and a consent made on instance A', async () => {
    const onA = new Browser(instances.urls[0]);
    const login = await (await onA.get(authorizationPath())).text();
    const consent = await (await submitLogin(onA, login, 'alice', 'alice-password')).text();
    const first = await submitConsent(onA, consent, 'approve');
    expect(redirectParams(first).get('code')).toBeTruthy();

    const onB = onInstance(onA, instances.urls[1]);
    const second = await onB.get(authorizationPath());
    expect(second.status).toBe(302);
    expect(redirectParams(second).get('code')).toBeTruthy();
    const silent = await onB.get(authorizationPath({ prompt: 'none' }));
    expect(redirectParams(silent).get('code')).toBeTruthy();
    expect(await instances.redis.keys(`${instances.prefix}{sessions}:session:*`)).not.toHaveLength(
      0,
    );
    // Every key has a TTL (no unbounded growth), the capped spaces' indexes included.
    for (const key of await instances.redis.keys(`${instances.prefix}*`)) {
      if (!key.endsWith('~index')) expect(await instances.redis.ttl(key)).toBeGreaterThan(0);
    }
  });

  it('finishes on B pages rendered by A, and each interaction is single-use across both', async () => {
    const onA = new Browser(instances.urls[0]);
    const path = authorizationPath({ scope: 'openid email', prompt: 'consent' });
    const page = await (await onA.get(path)).text();
    const consent = await (
      await submitLogin(onInstance(onA, instances.urls[1]), page, 'bob', 'bob-password')
    ).text();
    expect(pageKind(consent)).toBe('consent');
    const onB = new Browser(instances.urls[1]);
    const consentPage = await (
      await submitLogin(onB, await (await onB.get(path)).text(), 'bob', 'bob-password')
    ).text();
    const approved = await submitConsent(
      onInstance(onB, instances.urls[0]),
      consentPage,
      'approve',
    );
    expect(redirectParams(approved).get('code')).toBeTruthy();
    // A replay on the other instance gets the same result, never a second code.
    const replay = await submitConsent(onB, consentPage, 'approve');
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toBe(approved.headers.get('location'));
  });

  it('counts failed logins across instances', async () => {
    const onA = new Browser(instances.urls[0]);
    const username = `nobody-${randomBytes(4).toString('hex')}`;
    let html = await (await onA.get(authorizationPath())).text();
    const onB = onInstance(onA, instances.urls[1]);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const browser = attempt % 2 === 0 ? onA : onB;
      html = await (await submitLogin(browser, html, username, 'wrong')).text();
    }
    expect(html).not.toContain('Too many failed attempts');
    html = await (await submitLogin(onB, html, username, 'wrong')).text();
    expect(html).toContain('Please wait 1 second');
    html = await (await submitLogin(onA, html, username, 'wrong')).text();
    expect(html).toContain('Too many failed attempts. Please wait 1 second');
  });
});
