import type { Page } from 'playwright-core';
import { authorizationPath } from '../../e2e/authorization/support/flow';
import { startTestApp } from '../../support/test-app';
import { focusPath, useChromiumSuite } from '../support/chromium';

const CALLBACK = 'http://localhost:3000/callback';

describe('keyboard-first login and consent in headless Chromium (issue 11, Build 1, 12)', () => {
  const suite = useChromiumSuite('keyboard', () => startTestApp({}));

  async function newPage(): Promise<Page> {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    return context.newPage();
  }

  /** Resolves with the URL of the browser's request to the client's callback. */
  function landing(page: Page): Promise<URL> {
    return page
      .waitForRequest((request) => request.url().startsWith(CALLBACK))
      .then((request) => new URL(request.url()));
  }

  it('Enter in the password field signs in, Enter on consent approves, and the code arrives', async () => {
    const page = await newPage();
    await page.goto(`${suite.app.url}${authorizationPath({ prompt: 'consent', state: 'kb-1' })}`);
    expect(await page.title()).toBe('Sign in – Local Demo Service');
    // The username field has focus on arrival: type, Tab, type, Enter.
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('alice-password');
    await suite.shots.take(page, 'login-typed');
    await Promise.all([page.waitForURL(/decision/), page.keyboard.press('Enter')]);
    expect(await page.title()).toBe('Allow access? – Local Demo Service');
    await suite.shots.take(page, 'consent');
    const arrived = landing(page);
    await page.keyboard.press('Enter');
    const url = await arrived;
    expect(url.searchParams.get('code')).toBeTruthy();
    expect(url.searchParams.get('state')).toBe('kb-1');
    expect(url.searchParams.get('error')).toBeNull();
  });

  it('Enter in the username field signs in too', async () => {
    const page = await newPage();
    await page.goto(`${suite.app.url}${authorizationPath({ prompt: 'consent' })}`);
    await page.locator('#password').fill('alice-password');
    await page.locator('#username').fill('alice');
    await Promise.all([page.waitForURL(/decision/), page.locator('#username').press('Enter')]);
    expect(await page.locator('button[value="approve"]').count()).toBe(1);
  });

  it('tabs through the login page in reading order: username, password, Sign in, Cancel', async () => {
    const page = await newPage();
    await page.goto(`${suite.app.url}${authorizationPath()}`);
    expect(await focusPath(page, 3)).toEqual([
      '#username',
      '#password',
      'decision=login',
      'decision=deny',
    ]);
    // Visually Cancel stays left of Sign in.
    const signIn = await page.locator('button[value="login"]').boundingBox();
    const cancel = await page.locator('button[value="deny"]').boundingBox();
    expect(cancel!.x).toBeLessThan(signIn!.x);
  });

  it('starts consent on Allow; Tab reaches Deny, Shift+Tab the client’s links', async () => {
    const page = await newPage();
    await page.goto(`${suite.app.url}${authorizationPath({ prompt: 'consent' })}`);
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill('alice-password');
    await Promise.all([page.waitForURL(/decision/), page.keyboard.press('Enter')]);
    expect(await focusPath(page, 1)).toEqual(['decision=approve', 'decision=deny']);
    await page.locator('button[value="approve"]').focus();
    expect(await focusPath(page, 2, true)).toEqual([
      'decision=approve',
      'Terms of service',
      'Privacy policy',
    ]);
    const allow = await page.locator('button[value="approve"]').boundingBox();
    const deny = await page.locator('button[value="deny"]').boundingBox();
    expect(deny!.x).toBeLessThan(allow!.x);
  });

  it('shows a wrong password as an error tied to both fields', async () => {
    const page = await newPage();
    await page.goto(`${suite.app.url}${authorizationPath()}`);
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-her-password');
    await Promise.all([page.waitForURL(/decision/), page.keyboard.press('Enter')]);
    const password = page.locator('#password');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await password.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toContain('incorrect');
    await suite.shots.take(page, 'login-error');
  });
});
