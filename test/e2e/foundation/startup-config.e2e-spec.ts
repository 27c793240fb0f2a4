import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createApp } from '../../../src/bootstrap';
import { ConfigurationError } from '../../../src/config/validate-environment';
import { resetEnv, setEnv } from '../../support/test-app';

const ROOT = resolve(__dirname, '../../..');

/**
 * Runs src/main.ts in a fresh Node process without a build step or ts-node: a require hook
 * transpiles each .ts file with the TypeScript compiler API (types are not checked here).
 */
const REGISTER = `
const ts = require('typescript');
const fs = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
    },
  });
  module._compile(outputText, filename);
};
require(require('node:path').resolve(process.argv[1]));
`;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runMain(env: Record<string, string>): Promise<Exit> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', REGISTER, 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_PATH: resolve(ROOT, 'node_modules'), ...env },
    });
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
