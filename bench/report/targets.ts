import type { BenchSettings } from '../config';
import type { MemoryPhaseResult } from '../memory-phase';
import { describeRatio, type PairedRatio } from '../lib/stats';
import type { Summary } from './summary';

/** One target of issue 16 and whether this run met it (undefined: not measured). */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | undefined;
}

/** RSS (or live heap) of each server after each round, in MB. */
export type RssByRound = Record<string, number[]>;

function fixed(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function measured(summary: Summary | undefined): summary is Summary {
  return summary !== undefined && summary.skipped === undefined;
}

function ratioCheck(target: string, ratio: PairedRatio | undefined, goal: number): TargetCheck {
  if (ratio === undefined || !Number.isFinite(ratio.median)) {
    return { target, measured: 'not measured', met: undefined };
  }
  return { target, measured: describeRatio(ratio), met: ratio.median >= goal };
}

function latencyCheck(
  latency: Summary | undefined,
  passThrough: Summary | undefined,
  settings: BenchSettings,
): TargetCheck {
  const ideal = settings.latencyConnections / (settings.latencyDelayMs / 1000);
  const target = `latency-bound (Authlete at ${settings.latencyDelayMs} ms, ${settings.latencyConnections} connections) ≥ 95% of ideal (${ideal} req/s), p99 ≤ 130 ms`;
  if (!measured(latency)) return { target, measured: 'not measured', met: undefined };
  const share = (summary: Summary): string =>
    `${((summary.rate / ideal) * 100).toFixed(1)}%, p99 ${fixed(summary.p99)} ms`;
  // The bare pass-through under the same load: what the machine and the harness allow at all.
  const floor = measured(passThrough) ? `; (c) under the same load: ${share(passThrough)}` : '';
  return {
    target,
    measured: `${share(latency)}${floor}`,
    met: latency.rate / ideal >= 0.95 && latency.p99 <= 130,
  };
}

function flowChecks(get: (id: string) => Summary | undefined): TargetCheck[] {
  const signedIn = get('code_flow_signed_in/a');
  const fresh = get('code_flow/a');
  const ceiling = get('password_hash/e');
  const checks: TargetCheck[] = [
    measured(signedIn)
      ? {
          target: 'code flow, signed in ≥ 1,000 flows/s',
          measured: `${fixed(signedIn.rate, 0)} flows/s`,
          met: signedIn.rate >= 1000,
        }
      : {
          target: 'code flow, signed in ≥ 1,000 flows/s',
          measured: 'not measured',
          met: undefined,
        },
  ];
  const target = 'code flow, fresh login ≥ 90% of the password-hash ceiling (same run)';
  if (measured(fresh) && measured(ceiling) && ceiling.rate > 0) {
    const share = fresh.rate / ceiling.rate;
    checks.push({
      target,
      measured: `${fixed(fresh.rate, 1)} flows/s of ${fixed(ceiling.rate, 1)} hashes/s = ${(share * 100).toFixed(0)}%`,
      met: share >= 0.9,
    });
  } else {
    checks.push({ target, measured: 'not measured', met: undefined });
  }
  return checks;
}

function memoryChecks(memory: MemoryPhaseResult[]): TargetCheck[] {
  const a = memory.find((result) => result.server === 'a');
  const d = memory.find((result) => result.server === 'd');
  const target = 'RSS of (a) ≤ RSS of (d) after the same number of client_credentials grants';
  if (a === undefined || d === undefined) {
    return [{ target, measured: 'not measured', met: undefined }];
  }
  return [
    {
      target: `${target} (${a.grants.toLocaleString('en-US')})`,
      measured: `(a) ${fixed(a.rssMb)} MB, ${fixed(a.bytesPerToken)} B/token live heap; (d) ${fixed(d.rssMb)} MB, ${fixed(d.bytesPerToken)} B/token`,
      met: a.rssMb <= d.rssMb && a.grants >= d.grants,
    },
  ];
}

/** Checks every target of issue 16 against this run. */
export function checkTargets(
  summaries: Summary[],
  memory: MemoryPhaseResult[],
  settings: BenchSettings,
): TargetCheck[] {
  const get = (id: string): Summary | undefined => summaries.find((summary) => summary.id === id);
  const checks: TargetCheck[] = [];
  for (const workload of ['client_credentials', 'introspection', 'userinfo']) {
    const mine = get(`${workload}/a`);
    const ok = measured(mine);
    checks.push(ratioCheck(`${workload} (a) ≥ 1.0 × (d)`, ok ? mine.vsD : undefined, 1));
    checks.push(ratioCheck(`${workload} (a) ≥ 0.8 × (e)`, ok ? mine.vsE : undefined, 0.8));
  }
  const token = get('token/b');
  checks.push(ratioCheck('token (b) ≥ 0.75 × (c)', measured(token) ? token.vsC : undefined, 0.75));
  checks.push(latencyCheck(get('latency_bound/b'), get('latency_bound/c'), settings));
  checks.push(...flowChecks(get), ...memoryChecks(memory));
  return checks;
}
