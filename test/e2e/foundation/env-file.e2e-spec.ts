import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';
import { runMainToExit, spawnMain } from '../../support/spawn-main';

async function discoveryOf(url: string, until: number): Promise<{ issuer?: string }> {
  for (;;) {
    try {
      const res = await fetch(`${url}/.well-known/openid-configuration`);
      if (res.status === 200) return (await res.json()) as { issuer?: string };
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error('the server did not come up');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('start-up: .env, PORT → issuer, and the embedded engine under NODE_ENV=production', () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads ENV_FILE (.env format); with PORT set there and ISSUER unset, discovery advertises that port', async () => {
    const port = await freePort();
    const file = join(dir, 'server.env');
    writeFileSync(
      file,
      `# a comment\nPORT=${port}\nHOST=127.0.0.1\nUSERS_ALLOW_DEMO=true\nLOG_LEVEL=silent\nTHROTTLE_ENABLED=true\n`,
    );
    // The real environment wins over the file.
    const child = spawnMain({ ENV_FILE: file, THROTTLE_ENABLED: 'false' });
    try {
      const metadata = await discoveryOf(`http://127.0.0.1:${port}`, Date.now() + 90_000);
      expect(metadata.issuer).toBe(`http://localhost:${port}`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  }, 120000);

  it('a missing ENV_FILE stops start-up with one line', async () => {
    const exit = await runMainToExit({ ENV_FILE: join(dir, 'missing.env') });
    expect(exit).toEqual({
      code: 1,
      stdout: '',
      stderr: `Invalid configuration: ENV_FILE: ${join(dir, 'missing.env')} does not exist\n`,
    });
  }, 120000);

  it('NODE_ENV=production without AUTHLETE_BASE_URL refuses the embedded engine with one clear line', async () => {
    const exit = await runMainToExit({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    });
    expect(exit.code).toBe(1);
    expect(exit.stdout).toBe('');
    expect(exit.stderr.split('\n')).toEqual([
      'Invalid configuration: AUTHLETE_BASE_URL: unset, so NODE_ENV=production would run the embedded engine with its public demo secrets; set the AUTHLETE_* variables, or ENGINE_ALLOW_PRODUCTION=true to run it anyway',
      '',
    ]);
  }, 120000);
});
