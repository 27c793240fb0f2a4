/**
 * `npm run bench` (issue 7): starts (a) this service on its embedded engine, (b) this service in
 * front of a canned fake Authlete, (c) a bare Fastify + undici pass-through to the same fake and
 * (d) oidc-provider@8 and (e) a bare Nest-on-Fastify route with one interceptor (issue 16) — each a
 * separate process on 127.0.0.1 — runs the workloads interleaved over several rounds, then the
 * memory phase, prints the table and writes BENCHMARKS.md (and bench/results/latest.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type BenchSettings, readSettings } from './config';
import { type ChildServer, startChildServer } from './lib/child-server';
import { closePools } from './lib/http-client';
import { describeRss, settleRss } from './lib/settle';
import { type Measurement, measure } from './measure';
import { renderBenchmarksMd } from './report/benchmarks-md';
import { machineInfo } from './report/machine';
import { summarise } from './report/summary';
import { consoleTable } from './report/table';
import { checkTargets } from './report/targets';
import type { RssByRound } from './report/targets';
import { type MemoryPhaseResult, runMemoryPhase } from './memory-phase';
import {
  fakeSpec,
  nestFloorSpec,
  oidcProviderSpec,
  passthroughSpec,
  serviceOnEngineSpec,
  serviceOnFakeSpec,
} from './server-specs';
import type { Workload } from './workload';
import { buildWorkloads, type Servers } from './workloads';

const RESULTS_DIR = 'bench/results';

/** The 1, 5 and 15-minute load averages, as `uptime` prints them. */
function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

const PROFILES_DIR = `${RESULTS_DIR}/profiles`;

/** Extra Node flags for (a) and (b), for experiments (BENCH_SERVICE_NODE_ARGS, space-separated). */
function serviceNodeArgs(): string[] {
  return (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter((arg) => arg.length > 0);
}

async function startServers(): Promise<Servers> {
  const fake = await startChildServer(fakeSpec);
  const [a, b, c, d, e] = await Promise.all([
    startChildServer(serviceOnEngineSpec(serviceNodeArgs())),
    startChildServer(serviceOnFakeSpec(fake.url, serviceNodeArgs())),
    startChildServer(passthroughSpec(fake.url, [])),
    startChildServer(oidcProviderSpec([])),
    startChildServer(nestFloorSpec([])),
  ]);
  return { fake, a, b, c, d, e };
}

/** Where the CPU profile of one run goes, when its server is being profiled (BENCH_PROFILE). */
function profileFile(
  settings: BenchSettings,
  workload: Workload,
  round: number,
): string | undefined {
  if (!settings.profile.includes(workload.server)) return undefined;
  mkdirSync(PROFILES_DIR, { recursive: true });
  return `${PROFILES_DIR}/${workload.id.replace('/', '-')}-r${round}.cpuprofile`;
}

async function prepareAll(
  workloads: Workload[],
): Promise<{ ready: Workload[]; skipped: Map<string, string> }> {
  const skipped = new Map<string, string>();
  const ready: Workload[] = [];
  for (const workload of workloads) {
    try {
      await workload.prepare();
      ready.push(workload);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error))
        .replace(/\s+/g, ' ')
        .slice(0, 300);
      skipped.set(workload.id, reason);
      console.log(`  ✗ ${workload.id}: not measured — ${reason}`);
    }
  }
  return { ready, skipped };
}

function line(run: Measurement): string {
  const unit = run.workload.startsWith('code_flow') ? 'flows/s' : 'req/s';
  return `  r${run.round} ${run.workload.padEnd(24)} ${run.rate.toFixed(1).padStart(8)} ${unit}  cpu/op ${run.cpuMsPerOp.toFixed(3)} ms  p50 ${run.result.p50.toFixed(1)} ms  p99 ${run.result.p99.toFixed(1)} ms  cpu ${run.serverCores.toFixed(2)}  rss ${run.rssMb.toFixed(0)} MB  failed ${run.result.failed}  other-cpu ${run.foreignCores.toFixed(2)}`;
}

async function main(): Promise<void> {
  const settings = readSettings();
  const startedAt = new Date();
  const machine = machineInfo();
  const load: string[] = [`at start: ${loadAverage()}`];
  console.log(
    `bench: ${machine.cores} cores, Node ${machine.node}; ${settings.rounds} rounds × ${settings.seconds} s; load ${loadAverage()}`,
  );
  const servers = await startServers();
  const list: ChildServer[] = [servers.a, servers.b, servers.c, servers.d, servers.e, servers.fake];
  const watchdog = setTimeout(
    () => {
      console.error('bench: overall time limit reached; stopping');
      process.exit(2);
    },
    20 * 60 * 1000,
  );
  watchdog.unref();
  try {
    const all = buildWorkloads(servers, settings).filter(
      (workload) =>
        settings.only.length === 0 || settings.only.some((part) => workload.id.includes(part)),
    );
    console.log('bench: preparing workloads');
    const { ready, skipped } = await prepareAll(all);
    const atStart: RssByRound = {};
    for (const server of list) {
      atStart[server.spec.id] = [server.memoryMb().rss, (await server.heapAfterGc()).heapUsedMb];
    }
    console.log('bench: warm-up');
    for (const workload of ready) await workload.run(settings.warmupSeconds);
    const runs: Measurement[] = [];
    const rss: RssByRound = {};
    const heap: RssByRound = {};
    const rest: RssByRound = {};
    for (let round = 1; round <= settings.rounds; round += 1) {
      const order = round % 2 === 1 ? ready : [...ready].reverse();
      for (const workload of order) {
        const server = servers[workload.server as keyof Servers];
        const profile = profileFile(settings, workload, round);
        const run = await measure(workload, server, list, round, settings.seconds, profile);
        runs.push(run);
        console.log(line(run));
      }
      for (const server of list) (rss[server.spec.id] ??= []).push(server.memoryMb().rss);
      if (round === 1 || round === settings.rounds) {
        const atRest = await settleRss(list);
        for (const server of list) {
          (rest[server.spec.id] ??= []).push(atRest[server.spec.id] ?? NaN);
        }
        console.log(`  r${round} RSS at rest (MB): ${describeRss(atRest)}`);
      }
      for (const server of list) {
        (heap[server.spec.id] ??= []).push((await server.heapAfterGc()).heapUsedMb);
      }
      load.push(`after round ${round}: ${loadAverage()}`);
    }
    let memory: MemoryPhaseResult[] = [];
    // BENCH_ONLY=memory runs the memory phase alone.
    const memoryWanted = settings.only.length === 0 || settings.only.includes('memory');
    if (memoryWanted && settings.memoryGrants > 0) {
      console.log(`bench: memory phase, ${settings.memoryGrants} grants on fresh (a) and (d)`);
      memory = await runMemoryPhase(settings);
      for (const result of memory) {
        console.log(
          `  (${result.server}) ${result.grants} tokens in ${result.seconds} s: RSS ${result.rssMb.toFixed(0)} MB, live heap ${result.heapMb.toFixed(0)} MB (${result.bytesPerToken.toFixed(0)} B/token)`,
        );
      }
      load.push(`after the memory phase: ${loadAverage()}`);
    }
    const summaries = summarise(all, runs, skipped);
    const targets = checkTargets(summaries, memory, settings);
    console.log(`\n${consoleTable(summaries)}\n`);
    for (const target of targets) {
      console.log(
        `${target.met === undefined ? '—' : target.met ? '✓' : '✗'} ${target.target}: ${target.measured}`,
      );
    }
    const totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
    const serverList = list.map((server) => ({ id: server.spec.id, name: server.spec.name }));
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      `${RESULTS_DIR}/latest.json`,
      JSON.stringify(
        {
          settings,
          machine,
          load,
          startedAt,
          summaries,
          targets,
          rss,
          rest,
          heap,
          atStart,
          memory,
        },
        null,
        2,
      ),
    );
    if (settings.writeReport) {
      const md = renderBenchmarksMd({
        machine,
        settings,
        servers: serverList,
        summaries,
        targets,
        rss,
        rest,
        heap,
        atStart,
        memory,
        load,
        runs,
        startedAt,
        totalSeconds,
      });
      writeFileSync('BENCHMARKS.md', md);
      console.log(`\nbench: wrote BENCHMARKS.md (${Math.round(totalSeconds)} s)`);
    }
  } finally {
    await closePools();
    await Promise.all(list.map((server) => server.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
