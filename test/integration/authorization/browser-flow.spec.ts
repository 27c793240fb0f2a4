import type { Page } from 'playwright-core';
import { startTestApp } from '../../support/test-app';
import { authorizationPath } from '../../e2e/authorization/support/flow';
import { useChromiumSuite } from '../support/chromium';

const CALLBACK = 'http://localhost:3000/callback';

describe('login and consent in headless Chromium', () => {
  const suite = useChromiumSuite('browser-flow', () => startTestApp({}));

  /** A fresh browser context and page. */
  async function newPage(
    viewport: { width: number; height: number },
    locale = 'en-US',
  ): Promise<Page> {
    const context = await suite.browser.newContext({ viewport, locale });
    return context.newPage();
  }

  async function run(page: Page, name: string, query: Record<string, string> = {}): Promise<URL> {
    await page.goto(`${suite.app.url}${authorizationPath({ prompt: 'consent', ...query })}`);
    await page.getByLabel(/Username|ユーザー名/).fill('alice');
    await page.getByLabel(/Password|パスワード/).fill('alice-password');
    await suite.shots.take(page, `login-${name}`);
    await page.locator('button[name="decision"][value="login"]').click();
    await page.locator('button[name="decision"][value="approve"]').waitFor();
    await suite.shots.take(page, `consent-${name}`);
    // Nothing listens on the demo client's port: the browser's request to it is the landing.
    const [landing] = await Promise.all([
      page.waitForRequest((request) => request.url().startsWith(CALLBACK)),
      page.locator('button[name="decision"][value="approve"]').click(),
    ]);
    return new URL(landing.url());
  }

  it('logs in, consents and lands on the redirect URI with a code (desktop)', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    const landed = await run(page, 'desktop', { state: 'browser-1' });
    expect(landed.origin + landed.pathname).toBe(CALLBACK);
    expect(landed.searchParams.get('code')).toBeTruthy();
    expect(landed.searchParams.get('state')).toBe('browser-1');
  });

  it('works on a phone-width viewport, in Japanese', async () => {
    const page = await newPage({ width: 390, height: 844 }, 'ja-JP');
    const landed = await run(page, 'phone-ja', { ui_locales: 'ja' });
    expect(landed.searchParams.get('code')).toBeTruthy();
  });

  it('fits the phone width: no horizontal scrolling on the login page', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(`${suite.app.url}${authorizationPath({ prompt: 'login' })}`);
    const widths = await page.evaluate<{ scroll: number; client: number }>(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await suite.shots.take(page, 'login-phone');
  });
});
