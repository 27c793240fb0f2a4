import type { Measurement } from '../measure';
import { median, type PairedRatio, pairedRatio, spread } from '../lib/stats';
import type { Workload } from '../workload';

/** The repeated runs of one workload, reduced to the figures of the table. */
export interface Summary {
  id: string;
  group: string;
  server: string;
  unit: 'req' | 'flow';
  runs: Measurement[];
  /** Median operations per second over the rounds. */
  rate: number;
  /** (max − min) / median of the per-round rates. */
  spread: number;
  p50: number;
  p99: number;
  serverCores: number;
  /** Median server CPU milliseconds per operation. */
  cpuMsPerOp: number;
  rssMb: number;
  peakRssMb: number;
  failed: number;
  /** Ratio to the same workload on (d), and to (c)'s token throughput (paired by round). */
  vsD?: PairedRatio;
  vsC?: PairedRatio;
  /** Ratio to (e), the bare Nest-on-Fastify route with one interceptor (the architecture's floor). */
  vsE?: PairedRatio;
  notes?: string;
  /** Why it was not measured. */
  skipped?: string;
}

/** Summarises the runs; unprepared workloads carry the reason instead of figures. */
export function summarise(
  workloads: Workload[],
  runs: Measurement[],
  skipped: Map<string, string>,
): Summary[] {
  const summaries = workloads.map((workload): Summary => {
    const mine = runs.filter((run) => run.workload === workload.id);
    const last = mine[mine.length - 1];
    return {
      id: workload.id,
      group: workload.group,
      server: workload.server,
      unit: workload.unit,
      runs: mine,
      rate: median(mine.map((run) => run.rate)),
      spread: spread(mine.map((run) => run.rate)),
      p50: median(mine.map((run) => run.result.p50)),
      p99: median(mine.map((run) => run.result.p99)),
      serverCores: median(mine.map((run) => run.serverCores)),
      cpuMsPerOp: median(mine.map((run) => run.cpuMsPerOp)),
      rssMb: last?.rssMb ?? Number.NaN,
      peakRssMb: Math.max(...mine.map((run) => run.peakRssMb)),
      failed: mine.reduce((sum, run) => sum + run.result.failed, 0),
      notes: last?.result.notes,
      skipped: skipped.get(workload.id),
    };
  });
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  const floor = byId.get('token/c');
  const nestFloor = byId.get('floor/e');
  const latencyFloor = byId.get('latency_bound/c');
  for (const summary of summaries) {
    const against = (other: Summary | undefined): PairedRatio | undefined =>
      other === undefined ? undefined : pairedRatio(summary.runs, other.runs);
    if (summary.id === 'latency_bound/b') summary.vsC = against(latencyFloor);
    const twin = byId.get(summary.id.replace(/\/[a-c]$/, '/d'));
    if (summary.server !== 'd' && twin?.server === 'd') summary.vsD = against(twin);
    const measuredRequest =
      summary.unit === 'req' && !summary.id.startsWith('latency') && summary.server !== 'e';
    if (measuredRequest) {
      summary.vsC = against(floor);
      summary.vsE = against(nestFloor);
    }
  }
  return summaries;
}
