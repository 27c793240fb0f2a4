import { createApp } from '../../../src/bootstrap';
import { ConfigurationError } from '../../../src/config/validate-environment';
import { spawnMain } from '../../support/spawn-main';
import { resetEnv, setEnv } from '../../support/test-app';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runMain(env: Record<string, string>): Promise<Exit> {
  return new Promise((done, fail) => {
    const child = spawnMain(env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('bad configuration stops start-up with one line naming the variable', () => {
  afterEach(() => resetEnv());

  it('createApp() rejects with a one-line ConfigurationError', async () => {
    setEnv({ PORT: 'abc' });
    const failure = createApp({ logger: false });
    await expect(failure).rejects.toBeInstanceOf(ConfigurationError);
    await expect(failure).rejects.toThrow(
      /^Invalid configuration: PORT: must be an integer number$/,
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT: must be an integer number'],
    [
      { AUTHLETE_BASE_URL: 'https://us.authlete.com', AUTHLETE_SERVICE_APIKEY: '1' },
      'Invalid configuration: AUTHLETE_SERVICE_ACCESSTOKEN: is required',
    ],
  ])(
    'node src/main.ts with %j exits 1 printing exactly one line',
    async (env, line) => {
      const exit = await runMain(env);
      expect(exit).toEqual({ code: 1, stdout: '', stderr: `${line}\n` });
    },
    120000,
  );
});
