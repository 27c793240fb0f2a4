import { randomBytes } from 'node:crypto';
import { SessionStore } from '../../../src/session/browser-session.store';
import { InteractionStore } from '../../../src/session/interaction.store';
import { LoginAttemptLimiter } from '../../../src/session/login-attempt.limiter';
import { STORE_SPACE_CAPS } from '../../../src/session/store-spaces';
import { startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { pageKind } from '../../support/pages';
import { authorizationPath, authorizeAs, submitLogin } from './support/flow';

const FLOOD = 150_000;

describe('an anonymous flood cannot flush sessions or brute-force state (issue 11, Build 4)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ THROTTLE_ENABLED: 'false' });
  });
  afterAll(async () => {
    await app.close();
  });

  it(`${FLOOD.toLocaleString('en')} anonymous authorization requests leave a signed-in session and a brute-force wait intact`, async () => {
    // Alice is signed in; an attacker has earned a wait for bob from his address (256 s).
    const alice = new Browser(app.url);
    const signedIn = await authorizeAs(alice, authorizationPath({ prompt: 'consent' }));
    expect(signedIn.params.get('code')).toBeTruthy();
    const limiter = app.app.get(LoginAttemptLimiter);
    for (let failure = 0; failure < 12; failure += 1) {
      await limiter.recordFailure('bob', '203.0.113.66');
    }
    const before = await limiter.check('bob', '203.0.113.66');
    expect(before.allowed).toBe(false);
    // A visitor who opened the login page just before the flood.
    const early = new Browser(app.url);
    const earlyPage = await (await early.get(authorizationPath())).text();

    // The flood: real anonymous requests over HTTP, then the same writes straight into the stores
    // (an anonymous session and its login page per request, as the authorization endpoint does).
    for (let request = 0; request < 200; request += 1) {
      expect((await fetch(`${app.url}${authorizationPath()}`)).status).toBe(200);
    }
    const sessions = app.app.get(SessionStore);
    const interactions = app.app.get(InteractionStore);
    for (let request = 0; request < FLOOD; request += 1) {
      const sessionId = randomBytes(32).toString('base64url');
      await sessions.save(sessionId, { csrf: sessionId });
      const trail = { sessionId, ticket: sessionId, rawParameters: 'client_id=x', locale: 'en' };
      await interactions.put({ sessionId, step: 'login' }, trail, false);
    }

    // Alice is still signed in: no login page, straight to her code.
    const after = await authorizeAs(alice, authorizationPath());
    expect(after.pages).toEqual([]);
    expect(after.params.get('code')).toBeTruthy();
    // Bob's attacker still waits.
    const still = await limiter.check('bob', '203.0.113.66');
    expect(still.allowed).toBe(false);
    // The flood evicted only its own kind: the early anonymous visitor's page is gone, so the
    // post gets the "expired" page and no code.
    const late = await submitLogin(early, earlyPage, 'alice', 'alice-password');
    expect(late.status).toBe(400);
    expect(late.headers.get('location')).toBeNull();
    expect(pageKind(await late.text())).toBe('other');
    expect(STORE_SPACE_CAPS.anonymous).toBeLessThan(FLOOD * 3);
  }, 120_000);
});
