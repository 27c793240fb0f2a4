import type { BenchSettings } from '../config';
import type { MemoryPhaseResult } from '../memory-phase';
import type { Measurement } from '../measure';
import { median } from '../lib/stats';
import type { MachineInfo } from './machine';
import type { Summary } from './summary';
import { markdownTable } from './table';
import type { RssByRound, TargetCheck } from './targets';

/** Everything BENCHMARKS.md is written from. */
export interface ReportInput {
  machine: MachineInfo;
  settings: BenchSettings;
  servers: { id: string; name: string }[];
  summaries: Summary[];
  targets: TargetCheck[];
  rss: RssByRound;
  /** RSS at rest (settled, no load) after the first and the last round (MB). */
  rest: RssByRound;
  /** Live heap after a forced full GC, per round (MB): a leak shows here. */
  heap: RssByRound;
  /** RSS and live heap of each server once started, before any load (MB). */
  atStart: RssByRound;
  /** The memory phase: fresh (a) and (d) after the same number of grants. */
  memory: MemoryPhaseResult[];
  /** Load averages (1, 5, 15 min) at start and after each round, as `uptime` prints them. */
  load: string[];
  runs: Measurement[];
  startedAt: Date;
  totalSeconds: number;
}

const NOTES = `- **ops/s** is the median over the rounds of successful operations per second (2xx requests, or
  whole flows that ended with a token). **spread** is (max − min) / median of those per-round rates:
  how noisy the repeated runs were. p50/p99 are medians over the rounds of each run's percentiles
  (per request; per whole flow for the code flow).
- **CPU** is the server process's user + system time (all threads, from \`/proc/<pid>/stat\`) divided
  by wall time: 1.00 = one core busy. For (a) it includes the embedded engine (same process). For (b)
  and (c) the fake Authlete's CPU is not counted (it is the same for both). The load generator
  (autocannon, in the parent process) shares the same 2 cores.
- **RSS** is \`VmRSS\` of the server process right after its last run, peak is \`VmHWM\`. Under
  load V8 grows its heap and keeps it while allocation goes on; the RSS target is read **at rest**:
  after the first and the last round the harness waits, without load, until RSS stops falling
  (≤ 30 s) — V8's memory reducer returns the load's heap within seconds of idling.
- **vs (d)** compares with oidc-provider on the same workload; **vs (c)** compares with the bare
  pass-through's token throughput (the floor of any layer that forwards to Authlete); **vs (e)**
  compares with the bare Nest-on-Fastify POST route with one interceptor returning a small JSON
  body: the floor of the architecture this product is built on. Each ratio is the median of the
  per-round ratios (the two workloads run back to back in every round, so a change of the machine's
  speed between rounds cancels); the targets also give the lowest and highest round.
- **password_hash/e** is the ceiling of a code flow with a fresh login: scrypt verifications of
  alice's demo hash per second, with as many concurrent callers as there are browsers.
- **Memory phase**: fresh (a) and (d), one after the other, each answer the same number of
  client_credentials grants (every token stays valid), then rest; RSS is read at rest, the live
  heap after a forced GC; B/token is the growth of the live heap divided by the tokens stored.
- (d) uses the same client ids and secrets as the demo clients, opaque tokens, client_secret_basic,
  and a Map store with expiry like the engine's (its default MemoryAdapter is an LRU capped at 1,000
  entries). Its userinfo token for \`alice\` (\`openid profile email\`) is minted through the provider's
  Grant and AccessToken models, the artifacts its code flow stores. On (a) the userinfo token comes
  from the password grant of \`demo-legacy\` (same user, same scopes).
- **code_flow** is authorize → login (\`alice\`, scrypt N=16384) → consent → token with PKCE S256 from
  a fresh browser each flow (\`prompt=consent\`, so a remembered consent does not skip the page).
  **code_flow_signed_in** keeps each browser's session cookie and sends
  \`prompt=consent\`: authorize → consent → token, i.e. the flow without the password check.
- **latency_bound**: the fake answers after 100 ms; ideal throughput is connections / latency.
  (b) and the bare pass-through (c) take the same load one after the other: (c) shows what the
  machine and the harness (load generator and fake on the same 2 cores) allow at all; **vs (c)**
  of latency_bound/b compares with it.`;

function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function targetsTable(targets: TargetCheck[]): string {
  const mark = (met: boolean | undefined): string =>
    met === undefined ? '— not measured' : met ? '✅ met' : '❌ not met';
  return [
    '| target | measured | result |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${mark(t.met)} |`),
  ].join('\n');
}

function rssTable(
  rss: RssByRound,
  heap: RssByRound,
  atStart: RssByRound,
  servers: { id: string; name: string }[],
): string {
  const rounds = Math.max(0, ...Object.values(rss).map((values) => values.length));
  const header = `| server | at start | ${Array.from({ length: rounds }, (_, index) => `after round ${index + 1}`).join(' | ')} |`;
  const rule = `|---|---:|${Array.from({ length: rounds }, () => '---:').join('|')}|`;
  const rows = servers.map((server) => {
    const cells = (rss[server.id] ?? []).map(
      (value, index) => `${fixed(value, 0)} / ${fixed(heap[server.id]?.[index] ?? Number.NaN, 0)}`,
    );
    const [startRss = Number.NaN, startHeap = Number.NaN] = atStart[server.id] ?? [];
    const start = `${fixed(startRss, 0)} / ${fixed(startHeap, 0)}`;
    return `| (${server.id}) ${server.name} | ${start} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

function memoryTable(memory: MemoryPhaseResult[]): string {
  if (memory.length === 0) return 'Not run (BENCH_MEMORY_GRANTS=0 or a partial run).';
  return [
    '| server | grants | time s | RSS at start MB | live heap at start MB | RSS after MB | live heap after MB | live heap per token |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...memory.map(
      (result) =>
        `| (${result.server}) | ${result.grants.toLocaleString('en-US')}${result.failed > 0 ? ` (${result.failed} failed)` : ''} | ${fixed(result.seconds, 0)} | ${fixed(result.rssAtStartMb, 0)} | ${fixed(result.heapAtStartMb, 0)} | ${fixed(result.rssMb, 0)} | ${fixed(result.heapMb, 0)} | ${fixed(result.bytesPerToken, 0)} B |`,
    ),
  ].join('\n');
}

function noise(runs: Measurement[], summaries: Summary[]): string {
  const foreign = runs.map((run) => run.foreignCores);
  const loader = runs.map((run) => run.loaderCores);
  const spreads = summaries.filter((summary) => !summary.skipped).map((summary) => summary.spread);
  return [
    `- CPU used by other processes on the machine during the runs: median ${fixed(median(foreign))} cores, max ${fixed(Math.max(...foreign))} cores (of the machine's total).`,
    `- Load generator CPU: median ${fixed(median(loader))} cores.`,
    `- Run-to-run spread of ops/s: median ${fixed(median(spreads) * 100, 0)}%, max ${fixed(Math.max(...spreads) * 100, 0)}%.`,
    ...hostSpeed(runs),
  ].join('\n');
}

/**
 * The host's own speed over the run, read off the floor (e): the same constant answer costs the
 * same CPU unless the machine (frequency, neighbours on the host) changed.
 */
function hostSpeed(runs: Measurement[]): string[] {
  const floor = runs.filter((run) => run.workload === 'floor/e').map((run) => run.cpuMsPerOp);
  if (floor.length < 2) return [];
  const first = floor[0] ?? Number.NaN;
  const last = floor[floor.length - 1] ?? Number.NaN;
  return [
    `- Host speed: the floor (e) cost ${fixed(first, 3)} ms CPU per request in the first round and ${fixed(last, 3)} ms in the last (${fixed(Math.min(...floor), 3)}–${fixed(Math.max(...floor), 3)}); a change here is the machine's, not the servers'.`,
  ];
}

function problems(summaries: Summary[]): string {
  const lines = summaries
    .filter((summary) => summary.skipped || summary.failed > 0 || summary.notes)
    .map(
      (summary) =>
        `- \`${summary.id}\`: ${summary.skipped ? `not measured — ${summary.skipped}` : `${summary.failed} failed operations${summary.notes ? `; ${summary.notes}` : ''}`}`,
    );
  return lines.length > 0 ? lines.join('\n') : '- none';
}

/** Renders BENCHMARKS.md. */
export function renderBenchmarksMd(input: ReportInput): string {
  const { machine, settings } = input;
  return `# Benchmarks

Generated by \`npm run bench\` (bench/run.ts) on ${input.startedAt.toISOString()} in ${Math.round(input.totalSeconds)} s.
Method, profiles and recommendations: [docs/benchmarks.md](docs/benchmarks.md).

## Machine

- CPU: ${machine.cpuModel}, **${machine.cores} logical cores**, ${machine.memoryGb} GB RAM
- Node.js **${machine.node}**, ${machine.kernel}
- Shared machine: other work ran during the measurement (see Noise).

## Command

\`\`\`sh
${settings.quick ? 'BENCH_QUICK=1 npm run bench' : 'npm run bench'}
\`\`\`

${settings.rounds} interleaved rounds × ${settings.seconds} s per workload (after a ${settings.warmupSeconds} s warm-up run of each),
${settings.connections} keep-alive connections (autocannon, no pipelining), ${settings.flowUsers} concurrent browsers for the code
flow, ${settings.latencyConnections} connections for the latency-bound run. Everything on 127.0.0.1; every server is a separate
Node.js process.

## Servers

${input.servers.map((server) => `- **(${server.id})** ${server.name}`).join('\n')}

## Results

${markdownTable(input.summaries)}

## Targets (issue 16)

${targetsTable(input.targets)}

## Memory after each round: RSS at the end of the round / live heap after a forced GC (MB)

${rssTable(input.rss, input.heap, input.atStart, input.servers)}

RSS at rest (settled, no load) after the first and the last round:
${input.servers.map((server) => `(${server.id}) ${(input.rest[server.id] ?? []).map((value) => fixed(value, 0)).join(' → ')} MB`).join('; ')}.

## Memory phase: ${input.settings.memoryGrants.toLocaleString('en-US')} client_credentials grants on fresh servers

${memoryTable(input.memory)}

## Noise

- Machine load (\`uptime\`: 1, 5, 15 min): ${input.load.join('; ')}.
${noise(input.runs, input.summaries)}

## Failures and notes per workload

${problems(input.summaries)}

## How to read the table

${NOTES}
`;
}
