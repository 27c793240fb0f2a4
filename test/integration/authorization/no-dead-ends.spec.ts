import type { BrowserContext, Page } from 'playwright-core';
import { authorizationPath } from '../../e2e/authorization/support/flow';
import { startTestApp } from '../../support/test-app';
import { useChromiumSuite } from '../support/chromium';

const CALLBACK = 'http://localhost:3000/callback';

describe('no dead ends: Back after approving, a sign-in in another tab (issue 11, Build 2)', () => {
  const suite = useChromiumSuite('no-dead-ends', () => startTestApp({}));

  function newContext(): Promise<BrowserContext> {
    return suite.browser.newContext({ viewport: { width: 1000, height: 800 } });
  }

  /** The next request the page makes to the client's callback. */
  function landing(page: Page): Promise<URL> {
    return page
      .waitForRequest((request) => request.url().startsWith(CALLBACK))
      .then((request) => new URL(request.url()));
  }

  async function signIn(page: Page): Promise<void> {
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill('alice-password');
    await Promise.all([page.waitForURL(/decision\?interaction=/), page.keyboard.press('Enter')]);
  }

  it('Back after approving returns to the client with the same result, not a resubmission error', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${suite.app.url}${authorizationPath({ prompt: 'consent', state: 'back-1' })}`);
    await signIn(page);
    expect(page.url()).toMatch(/\/api\/authorization\/decision\?interaction=/);
    await suite.shots.take(page, 'consent-before-approving');
    const first = landing(page);
    // Enter on the Allow button (autofocused; the keyboard suite checks that), once it can act.
    await page.locator('button[value="approve"]').press('Enter');
    const approved = await first;
    expect(approved.searchParams.get('code')).toBeTruthy();
    // Back: the consent page's address is a GET, shown again as what it now is.
    const again = landing(page);
    await page.goBack().catch(() => undefined);
    const replayed = await again;
    expect(replayed.searchParams.get('code')).toBe(approved.searchParams.get('code'));
    expect(replayed.searchParams.get('state')).toBe('back-1');
  });

  it('a sign-in in a second tab leads the first tab’s sign-in on into its own request', async () => {
    const context = await newContext();
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    await tabA.goto(`${suite.app.url}${authorizationPath({ prompt: 'consent', state: 'tab-a' })}`);
    await tabB.goto(`${suite.app.url}${authorizationPath({ prompt: 'consent', state: 'tab-b' })}`);
    await signIn(tabB);
    expect(await tabB.locator('button[value="approve"]').count()).toBe(1);
    // Tab A still shows the login page of the anonymous session tab B replaced.
    await signIn(tabA);
    expect(await tabA.title()).toBe('Allow access? – Local Demo Service');
    await suite.shots.take(tabA, 'tab-a-after-tab-b-signed-in');
    const fromA = landing(tabA);
    await tabA.locator('button[value="approve"]').press('Enter');
    expect((await fromA).searchParams.get('state')).toBe('tab-a');
    const fromB = landing(tabB);
    await tabB.locator('button[value="approve"]').press('Enter');
    expect((await fromB).searchParams.get('state')).toBe('tab-b');
  });

  it('a page left open until its session expired offers to start again', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${suite.app.url}${authorizationPath({ state: 'late-1' })}`);
    await context.clearCookies();
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill('alice-password');
    await Promise.all([page.waitForURL(/decision/), page.keyboard.press('Enter')]);
    const link = page.getByRole('link', { name: 'Start again' });
    expect(await link.count()).toBe(1);
    await suite.shots.take(page, 'start-again');
    await link.click();
    await page.waitForURL(/\/api\/authorization\?/);
    expect(await page.locator('#username').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('state')).toBe('late-1');
  });
});
