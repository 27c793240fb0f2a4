import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { ReadyMessage } from '../servers/lifecycle';
import type { MemoryReport } from '../servers/memory-probe';
import { freePort } from '../../test/support/free-port';
import { machineCpuSeconds, processCpuSeconds, processMemoryMb } from './proc-stats';

/** How to start one server under test. */
export interface ServerSpec {
  /** Short label, e.g. `a`. */
  id: string;
  /** What it is, for the report. */
  name: string;
  /** Compiled entry point, relative to the repository root. */
  script: string;
  /** Environment on top of a clean copy of ours, given the port the server will listen on. */
  env?: (port: number) => Record<string, string>;
  /** Extra Node flags (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

/** A running child server with its resource counters. */
export interface ChildServer {
  spec: ServerSpec;
  pid: number;
  url: string;
  info: Record<string, string>;
  cpuSeconds(): number;
  memoryMb(): { rss: number; peak: number };
  /** Starts an inspector CPU profile in the child; `stopProfile` writes it to `file`. */
  startProfile(): void;
  /** Live heap after a full GC, and RSS after it, in MB (the child runs with --expose-gc). */
  heapAfterGc(): Promise<Omit<MemoryReport, 'type'>>;
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const running = new Set<ChildProcess>();

function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}
process.once('exit', killAll);

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

function waitForReady(
  child: ChildProcess,
  spec: ServerSpec,
  stderr: () => string,
): Promise<ReadyMessage> {
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `${spec.id} (${spec.name}) did not start within ${START_TIMEOUT_MS} ms\n${stderr()}`,
        ),
      );
    }, START_TIMEOUT_MS);
    child.on('message', (message: unknown) => {
      if ((message as Partial<ReadyMessage>).type !== 'ready') return;
      clearTimeout(timer);
      resolveReady(message as ReadyMessage);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${spec.id} (${spec.name}) exited during start-up (${code ?? signal})\n${stderr()}`,
        ),
      );
    });
  });
}

/** Our environment without anything that configures the service, so each server gets only its own. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const service =
    /^(AUTHLETE_|SESSION_|LOGIN_RATE_|ENGINE_|USERS_|REDIS_URL$|ISSUER$|PORT$|HOST$|NODE_ENV$|LOG_LEVEL$|TRUST_PROXY$|PAIRWISE_SALT$|RESOURCE_SERVERS_FILE$|CLIENT_CERT_HEADERS$|BODY_LIMIT_BYTES$)/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !service.test(name)));
}

/** Forks the server with IPC, a free port and the given environment; resolves once it listens. */
export async function startChildServer(spec: ServerSpec): Promise<ChildServer> {
  const port = await freePort();
  const child = fork(resolve(spec.script), [], {
    cwd: process.cwd(),
    env: { ...cleanEnvironment(), ...spec.env?.(port), PORT: String(port), HOST: '127.0.0.1' },
    execArgv: ['--expose-gc', ...(spec.nodeArgs ?? [])],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderrText = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrText = (stderrText + chunk.toString('utf8')).slice(-4000);
  });
  const ready = await waitForReady(child, spec, () => stderrText);
  const pid = child.pid ?? 0;
  return {
    spec,
    pid,
    url: ready.url,
    info: ready.info,
    cpuSeconds: () => processCpuSeconds(pid),
    memoryMb: () => processMemoryMb(pid),
    startProfile: () => {
      child.send({ type: 'profile-start' });
    },
    heapAfterGc: () =>
      new Promise((done) => {
        const none = Number.NaN;
        const timer = setTimeout(
          () => done({ heapUsedMb: none, heapTotalMb: none, externalMb: none, rssMb: none }),
          10_000,
        );
        const listener = (message: unknown): void => {
          const report = message as Partial<MemoryReport>;
          if (report.type !== 'memory-report') return;
          clearTimeout(timer);
          child.off('message', listener);
          const { type: _type, ...figures } = report as MemoryReport;
          done(figures);
        };
        child.on('message', listener);
        child.send({ type: 'memory' });
      }),
    stopProfile: (file) =>
      new Promise<void>((done) => {
        const timer = setTimeout(done, 30_000);
        const listener = (message: unknown): void => {
          if ((message as { type?: string }).type !== 'profile-written') return;
          clearTimeout(timer);
          child.off('message', listener);
          done();
        };
        child.on('message', listener);
        child.send({ type: 'profile-stop', file: resolve(file) });
      }),
    stop: async () => {
      if (child.connected) child.disconnect();
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) child.kill('SIGKILL');
    },
  };
}

/** CPU used by processes outside this benchmark during an interval, in cores (noise indicator). */
export function foreignCores(
  before: { machine: { busy: number }; ours: number },
  after: { machine: { busy: number }; ours: number },
  seconds: number,
): number {
  const machine = after.machine.busy - before.machine.busy;
  const ours = after.ours - before.ours;
  return Math.max(0, (machine - ours) / seconds);
}

export { machineCpuSeconds };
