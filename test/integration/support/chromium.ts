import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, never a downloaded browser (CHROMIUM_PATH overrides). */
const EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags the project's browser tests use. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Where screenshots go: `TEST_OUTPUT_DIR`, else a directory under the system temp dir (never the
 * repository). Every file written is printed, so the test output names it.
 */
export class Screenshots {
  readonly dir: string;
  private readonly written: string[] = [];

  constructor(suite: string) {
    this.dir = join(
      process.env['TEST_OUTPUT_DIR'] ?? join(tmpdir(), 'oauth-server-test-output'),
      suite,
    );
    mkdirSync(this.dir, { recursive: true });
  }

  /** Saves a full-page PNG and returns its path. */
  async take(page: Page, name: string): Promise<string> {
    const path = join(this.dir, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    this.written.push(path);
    return path;
  }

  /** Prints the screenshots taken (call from afterAll). */
  report(): void {
    if (this.written.length > 0) {
      process.stdout.write(`Screenshots:\n${this.written.map((path) => `  ${path}`).join('\n')}\n`);
    }
  }
}

const DESCRIBE_FOCUS = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return '';
  if (e.id) return '#' + e.id;
  const name = e.getAttribute('name');
  if (name) return name + '=' + (e.getAttribute('value') || '');
  return (e.textContent || '').trim();
})()`;

/**
 * The elements focus visits: the focused one, then one more per press of Tab (or Shift+Tab with
 * `backwards`). Inputs by `#id`, buttons by `name=value`, links by their text.
 */
export async function focusPath(page: Page, presses: number, backwards = false): Promise<string[]> {
  const path = [await page.evaluate<string>(DESCRIBE_FOCUS)];
  for (let step = 0; step < presses; step += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    path.push(await page.evaluate<string>(DESCRIBE_FOCUS));
  }
  return path;
}

/** What a browser suite works with: its server, headless Chromium and its screenshots. */
export interface ChromiumSuite<App> {
  readonly app: App;
  readonly browser: Browser;
  readonly shots: Screenshots;
}

/**
 * Starts the suite's server (`start`) and headless Chromium before its tests and, after them,
 * closes both and prints the screenshots taken under `name`. Read the getters inside the tests.
 */
export function useChromiumSuite<App extends { close(): Promise<void> }>(
  name: string,
  start: () => Promise<App>,
): ChromiumSuite<App> {
  const shots = new Screenshots(name);
  const started: { app?: App; browser?: Browser } = {};
  beforeAll(async () => {
    started.app = await start();
    started.browser = await launchChromium();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.app?.close();
    shots.report();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite has not started (use it inside a test)');
    return value;
  };
  return {
    get app() {
      return need(started.app);
    },
    get browser() {
      return need(started.browser);
    },
    shots,
  };
}
