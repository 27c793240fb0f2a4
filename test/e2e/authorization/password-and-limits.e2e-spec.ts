import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { formOf, pageKind } from '../../support/pages';
import { authorizationPath } from './support/flow';

const LEGACY = `Basic ${Buffer.from('demo-legacy:demo-legacy-secret').toString('base64')}`;
const ATTACKER = '203.0.113.66';
const ALICE_HOME = '198.51.100.7';
const STRANGER = '192.0.2.44';

async function passwordGrant(
  app: TestApp,
  username: string,
  password: string,
  ip = '192.0.2.200',
): Promise<Response> {
  return fetch(`${app.url}/api/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: LEGACY,
      'x-forwarded-for': ip,
    },
    body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
  });
}

/** A browser at one client address (X-Forwarded-For, believed with TRUST_PROXY=loopback). */
class BrowserAt {
  readonly browser: Browser;
  constructor(
    url: string,
    private readonly ip: string,
  ) {
    this.browser = new Browser(url);
  }

  async open(): Promise<string> {
    const path = authorizationPath({ prompt: 'consent' });
    return (await this.browser.get(path, { 'x-forwarded-for': this.ip })).text();
  }

  /** Posts the login form and follows the 303 to the next page, as a browser does. */
  async login(html: string, username: string, password: string): Promise<string> {
    const headers = { 'x-forwarded-for': this.ip };
    const posted = await this.browser.post(
      '/api/authorization/decision',
      { ...formOf(html), username, password, decision: 'login' },
      headers,
    );
    const location = posted.headers.get('location');
    if (posted.status !== 303 || location === null) return posted.text();
    return (await this.browser.get(location, headers)).text();
  }
}

function errorOf(html: string): string {
  return /<p class="error"[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PASSWORD grant and brute-force waits (issue 11, Build 5; embedded engine)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      TRUST_PROXY: 'loopback',
      THROTTLE_ENABLED: 'false',
      LOGIN_PAIR_FREE_FAILURES: '1',
      LOGIN_RATE_MAX_PER_USER: '2',
      LOGIN_USER_MAX_DELAY_SECONDS: '4',
      LOGIN_RATE_MAX_PER_IP: '1000',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('issues tokens for good credentials through the same UserAuthenticator', async () => {
    const response = await passwordGrant(app, 'alice', 'alice-password');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(typeof body['access_token']).toBe('string');
  });

  it('fails with a 400 OAuth error for a wrong password or an unknown user', async () => {
    for (const [username, password] of [
      ['alice', 'wrong'],
      ['nobody', 'alice-password'],
    ] as const) {
      const response = await passwordGrant(app, username, password, '192.0.2.201');
      expect(response.status).toBe(400);
      const body = (await response.json()) as Record<string, unknown>;
      expect(typeof body['error']).toBe('string');
      expect(body['access_token']).toBeUndefined();
    }
  });

  it('makes each failure from one address wait longer, says how long, and never locks', async () => {
    const carol = new BrowserAt(app.url, '198.51.100.30');
    let html = await carol.open();
    html = await carol.login(html, 'bob', 'wrong-1');
    expect(errorOf(html)).toBe('The username or password is incorrect.');
    html = await carol.login(html, 'bob', 'wrong-2');
    expect(errorOf(html)).toBe(
      'The username or password is incorrect. Too many failed attempts. Please wait 1 second and try again.',
    );
    // During the wait even the right password is refused, and the page says how long is left.
    html = await carol.login(html, 'bob', 'bob-password');
    expect(pageKind(html)).toBe('login');
    expect(errorOf(html)).toBe('Too many failed attempts. Please wait 1 second and try again.');
    // The same rule holds for the PASSWORD grant from that address, which also says how long.
    const waiting = await passwordGrant(app, 'bob', 'bob-password', '198.51.100.30');
    expect(waiting.status).toBe(400);
    expect(waiting.headers.get('retry-after')).toBe('1');
    expect(waiting.headers.get('cache-control')).toBe('no-store');
    // The error code is the one /auth/token/fail chose for bad credentials (the engine's).
    expect(await waiting.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Too many failed attempts. Please wait 1 second and try again.',
    });
    await sleep(1100);
    html = await carol.login(html, 'bob', 'wrong-3');
    expect(errorOf(html)).toMatch(/Please wait 2 seconds/);
    await sleep(2100);
    html = await carol.login(html, 'bob', 'bob-password');
    expect(pageKind(html)).toBe('consent');
    expect((await passwordGrant(app, 'bob', 'bob-password', '198.51.100.30')).status).toBe(200);
  });

  it('an attacker’s 100 failed logins for alice from one IP do not stop alice from her own IP', async () => {
    // Alice has signed in from home before.
    const home = new BrowserAt(app.url, ALICE_HOME);
    expect(pageKind(await home.login(await home.open(), 'alice', 'alice-password'))).toBe(
      'consent',
    );

    const attacker = new BrowserAt(app.url, ATTACKER);
    let html = await attacker.open();
    for (let attempt = 0; attempt < 100; attempt += 1) {
      html = await attacker.login(html, 'alice', `guess-${attempt}`);
      expect(pageKind(html)).toBe('login');
    }
    expect(errorOf(html)).toMatch(/Please wait \d+ seconds?/);
    // Even the right password from the attacker's address must wait; so must the grant.
    expect(pageKind(await attacker.login(html, 'alice', 'alice-password'))).toBe('login');
    expect((await passwordGrant(app, 'alice', 'alice-password', ATTACKER)).status).toBe(400);

    // From home, alice signs in at once, on the page and with the grant.
    const again = new BrowserAt(app.url, ALICE_HOME);
    expect(pageKind(await again.login(await again.open(), 'alice', 'alice-password'))).toBe(
      'consent',
    );
    expect((await passwordGrant(app, 'alice', 'alice-password', ALICE_HOME)).status).toBe(200);

    // At an address alice never used, the wait is short and bounded (a wait, not a lock).
    const stranger = new BrowserAt(app.url, STRANGER);
    const strangerPage = await stranger.login(await stranger.open(), 'alice', 'alice-password');
    const wait = Number(/Please wait (\d+) seconds?/.exec(errorOf(strangerPage))?.[1] ?? 0);
    expect(wait).toBeLessThanOrEqual(4);
  });
});
