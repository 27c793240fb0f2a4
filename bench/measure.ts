import { type ChildServer, foreignCores } from './lib/child-server';
import type { LoadResult } from './lib/load-result';
import { machineCpuSeconds } from './lib/proc-stats';
import type { Workload } from './workload';

/** One timed run of one workload with the server's resource use around it. */
export interface Measurement {
  workload: string;
  round: number;
  result: LoadResult;
  /** Operations per second (2xx requests or completed flows). */
  rate: number;
  /** Server CPU milliseconds per successful operation: robust to a busy machine. */
  cpuMsPerOp: number;
  /** CPU of the server under test during the run, in cores (1.0 = one core busy). */
  serverCores: number;
  /** CPU of the load generator (this process) during the run, in cores. */
  loaderCores: number;
  /** CPU of everything else on the machine during the run (other users: noise), in cores. */
  foreignCores: number;
  /** RSS of the server right after the run, and its peak so far, in MB. */
  rssMb: number;
  peakRssMb: number;
}

function ourCpuSeconds(servers: ChildServer[]): number {
  const own = process.cpuUsage();
  return servers.reduce((sum, server) => sum + server.cpuSeconds(), (own.user + own.system) / 1e6);
}

/** Runs the workload once and samples CPU and memory of the server under test around it. */
export async function measure(
  workload: Workload,
  server: ChildServer,
  everyServer: ChildServer[],
  round: number,
  seconds: number,
  profileFile?: string,
): Promise<Measurement> {
  if (profileFile) server.startProfile();
  const serverBefore = server.cpuSeconds();
  const ownBefore = process.cpuUsage();
  const before = { machine: machineCpuSeconds(), ours: ourCpuSeconds(everyServer) };
  const started = performance.now();
  const result = await workload.run(seconds);
  const elapsed = (performance.now() - started) / 1000;
  const serverAfter = server.cpuSeconds();
  if (profileFile) await server.stopProfile(profileFile);
  const after = { machine: machineCpuSeconds(), ours: ourCpuSeconds(everyServer) };
  const own = process.cpuUsage(ownBefore);
  const memory = server.memoryMb();
  return {
    workload: workload.id,
    round,
    result,
    rate: result.ok / result.seconds,
    cpuMsPerOp: result.ok > 0 ? ((serverAfter - serverBefore) * 1000) / result.ok : Number.NaN,
    serverCores: (serverAfter - serverBefore) / elapsed,
    loaderCores: (own.user + own.system) / 1e6 / elapsed,
    foreignCores: foreignCores(before, after, elapsed),
    rssMb: memory.rss,
    peakRssMb: memory.peak,
  };
}
