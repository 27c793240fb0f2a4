/** Benchmark settings; each can be overridden by an environment variable for quick runs. */
export interface BenchSettings {
  /** Measured rounds; every workload runs once per round, interleaved (BENCH_ROUNDS). */
  rounds: number;
  /** Seconds per measured run (BENCH_SECONDS). */
  seconds: number;
  /** Seconds of the unmeasured warm-up run of each workload (BENCH_WARMUP_SECONDS). */
  warmupSeconds: number;
  /** Keep-alive connections of the request workloads (BENCH_CONNECTIONS). */
  connections: number;
  /** Concurrent browsers of the code-flow workloads (BENCH_FLOW_USERS). */
  flowUsers: number;
  /** Connections and Authlete delay of the latency-bound workload. */
  latencyConnections: number;
  latencyDelayMs: number;
  /** Only workloads whose id contains one of these strings (BENCH_ONLY, comma-separated). */
  only: string[];
  /** Server ids to run under `--cpu-prof` (BENCH_PROFILE, e.g. `a,b`). */
  profile: string[];
  /** Write BENCHMARKS.md (BENCH_WRITE=0 to skip, e.g. for partial runs). */
  writeReport: boolean;
  /** client_credentials grants of the memory phase on fresh (a) and (d) (BENCH_MEMORY_GRANTS; 0 skips it). */
  memoryGrants: number;
  /** BENCH_QUICK=1: 1 round × 3 s, 1 s warm-up, 50,000 grants in the memory phase. */
  quick: boolean;
}

function number(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function list(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Reads the settings from the environment. */
export function readSettings(): BenchSettings {
  const only = list('BENCH_ONLY');
  const quick = process.env.BENCH_QUICK === '1';
  const memoryGrants = Number(process.env.BENCH_MEMORY_GRANTS);
  return {
    rounds: number('BENCH_ROUNDS', quick ? 1 : 5),
    seconds: number('BENCH_SECONDS', quick ? 3 : 5),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', quick ? 1 : 2),
    connections: number('BENCH_CONNECTIONS', 100),
    flowUsers: number('BENCH_FLOW_USERS', 16),
    latencyConnections: 200,
    latencyDelayMs: 100,
    only,
    profile: list('BENCH_PROFILE'),
    writeReport: process.env.BENCH_WRITE !== '0' && only.length === 0,
    memoryGrants:
      Number.isInteger(memoryGrants) &&
      memoryGrants >= 0 &&
      process.env.BENCH_MEMORY_GRANTS !== undefined &&
      process.env.BENCH_MEMORY_GRANTS !== ''
        ? memoryGrants
        : quick
          ? 50_000
          : 250_000,
    quick,
  };
}
