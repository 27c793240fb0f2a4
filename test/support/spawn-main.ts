import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');

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
// Explicit '.js' specifiers (node16 resolution) name the .ts sources here.
const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  try {
    return resolveFilename.call(this, request, ...rest);
  } catch (error) {
    if (!request.endsWith('.js')) throw error;
    return resolveFilename.call(this, request.slice(0, -3), ...rest);
  }
};
// Arguments after the script are the script's own: process.argv[2...].
const script = require('node:path').resolve(process.argv[1]);
process.argv.splice(1, 1, script);
require(script);
`;

/** Starts `src/main.ts` as a child process with exactly the given environment (plus PATH). */
export function spawnMain(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawnTs('src/main.ts', [], env);
}

/** Runs a TypeScript entry point of the repository (e.g. a CLI) with arguments and environment. */
export function spawnTs(
  script: string,
  args: string[],
  env: Record<string, string>,
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['-e', REGISTER, script, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: resolve(ROOT, 'node_modules'),
      // The temporary data directory of the test run (test/support/global-setup.js).
      ...(process.env.ENGINE_DATA_DIR ? { ENGINE_DATA_DIR: process.env.ENGINE_DATA_DIR } : {}),
      ...env,
    },
  });
}

/** How a child process ended: its exit code and everything it printed. */
export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/main.ts` (see {@link spawnMain}) until it exits; resolves with what it printed. */
export function runMainToExit(env: Record<string, string>): Promise<Exit> {
  return untilExit(spawnMain(env));
}

/** Collects what a spawned child prints until it exits. */
export function untilExit(child: ChildProcessWithoutNullStreams): Promise<Exit> {
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
