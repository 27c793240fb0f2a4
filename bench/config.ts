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
  return {
    rounds: number('BENCH_ROUNDS', 3),
    seconds: number('BENCH_SECONDS', 5),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 2),
    connections: number('BENCH_CONNECTIONS', 100),
    flowUsers: number('BENCH_FLOW_USERS', 16),
    latencyConnections: 200,
    latencyDelayMs: 100,
    only,
    profile: list('BENCH_PROFILE'),
    writeReport: process.env.BENCH_WRITE !== '0' && only.length === 0,
  };
}
