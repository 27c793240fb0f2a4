import type { Browser, Page } from 'playwright-core';
import { authorizationPath } from '../../e2e/authorization/support/flow';
import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { launchChromium, Screenshots } from '../support/chromium';

function interaction(logoUri?: string): { body: Record<string, unknown> } {
  return {
    body: {
      action: 'INTERACTION',
      ticket: 'ticket-1',
      maxAge: 0,
      acrEssential: false,
      client: { clientId: 1234, clientIdAlias: 'c1', clientName: 'Photo Book', logoUri },
      scopes: [{ name: 'openid' }],
    },
  };
}

/** The image fields read in the page. */
interface Img {
  readonly complete: boolean;
  readonly naturalWidth: number;
}

/** Console messages about the CSP blocking something. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to load/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

describe('client logos the CSP allows, never a broken image (issue 11, Build 3)', () => {
  let browser: Browser;
  const shots = new Screenshots('logos');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    shots.report();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    return context.newPage();
  }

  describe('embedded engine demo clients', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({});
    });
    afterAll(async () => {
      await app.close();
    });

    it('loads the shipped demo logo from the service itself, with no CSP violation', async () => {
      const page = await newPage();
      const violations = cspViolations(page);
      await page.goto(`${app.url}${authorizationPath()}`);
      const logo = page.locator('.client img');
      expect(await logo.getAttribute('src')).toBe('/assets/logos/demo-web.svg');
      await page.waitForLoadState('networkidle');
      expect(await logo.evaluate((img) => (img as unknown as Img).naturalWidth)).toBe(96);
      expect(violations).toEqual([]);
      await shots.take(page, 'demo-web-logo');
    });
  });

  describe('clients with other logos (fake Authlete)', () => {
    let fake: FakeAuthlete;
    let app: TestApp;
    beforeAll(async () => {
      fake = await startFakeAuthlete();
      app = await startTestApp(fakeAuthleteEnv(fake.url));
    });
    afterAll(async () => {
      await app.close();
      await fake.close();
    });

    it('drops an http logo the CSP would block and shows the initial instead', async () => {
      fake.on('auth/authorization', interaction('http://cdn.example/logo.png'));
      const page = await newPage();
      await page.goto(`${app.url}/api/authorization?client_id=c1`);
      expect(await page.locator('.client img').count()).toBe(0);
      expect(await page.locator('.client .initial').textContent()).toBe('P');
    });

    it('covers an https logo that fails to load with the initial badge, not a broken image', async () => {
      fake.on('auth/authorization', interaction('https://127.0.0.1:9/logo.png'));
      const page = await newPage();
      const violations = cspViolations(page);
      await page.goto(`${app.url}/api/authorization?client_id=c1`);
      await page.waitForLoadState('networkidle');
      const logo = page.locator('.client img');
      const state = await logo.evaluate((img) => (img as unknown as Img).complete);
      expect(state).toBe(true);
      expect(await logo.evaluate((img) => (img as unknown as Img).naturalWidth)).toBe(0);
      // The badge drawn over a failed image: the initial, on an opaque background.
      const after = await page.evaluate<{ content: string; background: string }>(
        `(() => { const s = getComputedStyle(document.querySelector('.client img'), '::after'); return { content: s.content, background: s.backgroundColor }; })()`,
      );
      expect(after.content).toBe('"P"');
      expect(after.background).toBe('rgb(244, 245, 247)');
      expect(violations).toEqual([]);
      await shots.take(page, 'logo-failed-to-load');
    });
  });
});
