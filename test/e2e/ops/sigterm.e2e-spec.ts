import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv } from '../../support/test-app';
import { CLIENT_BASIC, pause, postForm } from './ops-helpers';

const ROOT = join(__dirname, '..', '..', '..');
/** A private, temporary build output, so a concurrent `npm run build` cannot interfere. */
const OUT_DIR = mkdtempSync(join(tmpdir(), 'sigterm-test-build-'));
const MAIN = join(OUT_DIR, 'src', 'main.js');

function build(): void {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', OUT_DIR],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  // Type errors elsewhere in the tree do not stop tsc from emitting; a missing main.js does.
  if (!existsSync(MAIN)) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The TCP ports process `pid` listens on (Linux /proc: its socket inodes in state LISTEN). */
function listeningPortsOf(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter((inode): inode is string => inode !== undefined),
  );
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (state === '0A' && inode !== undefined && inodes.has(inode) && local !== undefined) {
        ports.push(parseInt(local.split(':')[1] ?? '0', 16));
      }
    }
  }
  return ports;
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startServer(env: Record<string, string>, read = true): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      // The build lives outside the repository: resolve packages from the repository's.
      NODE_PATH: join(ROOT, 'node_modules'),
      ENGINE_DATA_DIR: process.env['ENGINE_DATA_DIR'] ?? join(OUT_DIR, 'data'),
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  if (read) {
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i += 1) {
    const ready = await fetch(`${url}/health/ready`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return { child, url, port, output: () => output, exited };
    if (child.exitCode !== null) break;
    await pause(100);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${output}`);
}

describe('graceful shutdown of the built server on SIGTERM', () => {
  let fake: FaultAuthlete;
  beforeAll(async () => {
    build();
    fake = await startFaultAuthlete();
  }, 240000);
  afterAll(async () => {
    await fake?.close();
    rmSync(OUT_DIR, { recursive: true, force: true });
  });

  it('turns readiness red, refuses new connections, finishes the in-flight request, then exits 0', async () => {
    const server = await startServer({
      ...fakeAuthleteEnv(fake.url),
      AUTHLETE_TIMEOUT_MS: '5000',
      HEALTH_AUTHLETE_CACHE_MS: '0',
      SHUTDOWN_DELAY_MS: '700',
      SHUTDOWN_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'info',
    });
    try {
      fake.fault({ kind: 'slow', delayMs: 2000 }, 'auth/token');
      const calls = fake.callsTo('auth/token').length;
      const inFlight = postForm(`${server.url}/api/token`, 'grant_type=client_credentials', {
        authorization: CLIENT_BASIC,
      });
      while (fake.callsTo('auth/token').length === calls) await pause(20);

      server.child.kill('SIGTERM');
      let readyStatus = 200;
      for (let i = 0; i < 50 && readyStatus === 200; i += 1) {
        readyStatus = await fetch(`${server.url}/health/ready`).then(
          (res) => res.status,
          () => 0,
        );
        if (readyStatus === 200) await pause(20);
      }
      expect(readyStatus).toBe(503);

      await pause(900); // past SHUTDOWN_DELAY_MS: the listener is closed
      expect(await refusesConnections(server.port)).toBe(true);

      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ access_token: 'fake-at' });
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain('readiness is red');
      expect(server.output()).toContain('stopped');
    } finally {
      fake.fault({ kind: 'none' });
      server.child.kill('SIGKILL');
    }
  }, 60000);

  it('with the embedded engine: runs it in process without a socket, and exits 0', async () => {
    const server = await startServer({ LOG_LEVEL: 'info', USERS_ALLOW_DEMO: 'true' });
    try {
      const discovery = await fetch(`${server.url}/.well-known/openid-configuration`);
      expect(discovery.status).toBe(200);
      expect(server.output()).toContain('embedded local engine in process, no socket');
      // The app's own port is the process's only listening socket: the engine opened none.
      expect(listeningPortsOf(server.child.pid ?? 0)).toEqual([server.port]);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 60000);

  const SHUTDOWN_TIMEOUT_MS = 3000;

  /** Sends SIGTERM and resolves with the exit and how long it took. */
  async function terminate(server: Server): Promise<{ exit: unknown; ms: number }> {
    const started = performance.now();
    server.child.kill('SIGTERM');
    const exit = await Promise.race([
      server.exited,
      pause(SHUTDOWN_TIMEOUT_MS + 5000).then(() => 'still running'),
    ]);
    return { exit, ms: performance.now() - started };
  }

  /** Requests whose access lines are logged (health probes are not). */
  async function loggedTraffic(server: Server, count: number): Promise<void> {
    for (let i = 0; i < count; i += 8) {
      await Promise.all(
        Array.from({ length: 8 }, () =>
          fetch(`${server.url}/api/no-such-endpoint?i=${i}`).then((res) => res.arrayBuffer()),
        ),
      );
    }
  }

  it('with stdout and stderr pipes closed by the reader: SIGTERM exits 0 within SHUTDOWN_TIMEOUT_MS', async () => {
    const server = await startServer({
      LOG_LEVEL: 'debug',
      USERS_ALLOW_DEMO: 'true',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });
    try {
      server.child.stdout?.destroy();
      server.child.stderr?.destroy();
      await loggedTraffic(server, 400); // every line now meets EPIPE
      const { exit, ms } = await terminate(server);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 90000);

  it('with a full stdout pipe nobody reads: it keeps serving, and SIGTERM exits 0 within SHUTDOWN_TIMEOUT_MS', async () => {
    const server = await startServer(
      {
        LOG_LEVEL: 'debug',
        USERS_ALLOW_DEMO: 'true',
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      },
      false,
    );
    try {
      // ~300 bytes per access line: 1,200 lines are far beyond a 64 KiB pipe buffer.
      await loggedTraffic(server, 1200);
      const live = await fetch(`${server.url}/health/live`);
      expect(live.status).toBe(200);
      const { exit, ms } = await terminate(server);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    } finally {
      server.child.kill('SIGKILL');
      server.child.stdout?.destroy(); // never read: release the pipe
      server.child.stderr?.destroy();
    }
  }, 90000);
});
