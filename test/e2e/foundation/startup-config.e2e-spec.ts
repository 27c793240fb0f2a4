import { createApp } from '../../../src/bootstrap';
import { ConfigurationError } from '../../../src/config/validate-environment';
import { runMainToExit } from '../../support/spawn-main';
import { resetEnv, setEnv } from '../../support/test-app';

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
      const exit = await runMainToExit(env);
      expect(exit).toEqual({ code: 1, stdout: '', stderr: `${line}\n` });
    },
    120000,
  );
});
