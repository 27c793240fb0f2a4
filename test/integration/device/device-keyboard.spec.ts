import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app';
import { launchChromium, Screenshots } from '../support/chromium';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface DeviceStart {
  device_code: string;
  user_code: string;
  verification_uri: string;
  interval: number;
}

describe('device authorization grant (RFC 8628) in headless Chromium, typed with the keyboard', () => {
  let app: TestApp;
  let browser: Browser;
  let dir: string;
  const shots = new Screenshots('device');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'device-chromium-'));
    const config = JSON.parse(readFileSync('config/engine.json', 'utf8')) as {
      service: Record<string, unknown>;
    };
    config.service.deviceFlowPollingInterval = 1;
    writeFileSync(join(dir, 'engine.json'), JSON.stringify(config));
    app = await startTestApp({
      ENGINE_CONFIG: join(dir, 'engine.json'),
      ENGINE_DATA_DIR: join(dir, 'data'),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
    shots.report();
  });

  async function poll(deviceCode: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${app.url}/api/token`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({
        grant_type: DEVICE_GRANT,
        device_code: deviceCode,
        client_id: 'demo-device',
      }).toString(),
    });
    return (await res.json()) as Record<string, unknown>;
  }

  it('the user types the code in lower case with a dash, signs in, approves; the polling device gets tokens', async () => {
    const started = await fetch(`${app.url}/api/device/authorization`, {
      method: 'POST',
      headers: FORM,
      body: 'client_id=demo-device&scope=openid%20profile',
    });
    const device = (await started.json()) as DeviceStart;
    expect((await poll(device.device_code)).error).toBe('authorization_pending');

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.url}/api/device`);
    expect(await page.title()).toContain('Connect a device');
    // The code field has focus on arrival.
    const typed = `${device.user_code.slice(0, 4)}-${device.user_code.slice(4)}`.toLowerCase();
    await page.keyboard.type(typed);
    await shots.take(page, 'code-typed');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.locator('#username').waitFor();
    expect(await page.title()).toContain('Sign in');
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('alice-password');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.locator('button[name="decision"][value="approve"]').waitFor();
    await shots.take(page, 'consent');
    await page.keyboard.press('Enter');
    await page.getByText('Device connected').waitFor();
    await shots.take(page, 'done');

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const tokens = await poll(device.device_code);
    expect(tokens).toMatchObject({ token_type: 'Bearer', scope: 'openid profile' });
    expect(typeof tokens.access_token).toBe('string');
  }, 30_000);
});
