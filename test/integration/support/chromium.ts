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
