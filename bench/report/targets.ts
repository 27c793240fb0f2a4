import type { BenchSettings } from '../config';
import type { Summary } from './summary';

/** One target of issue 7 and whether this run met it (undefined: not measured). */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | undefined;
}

/** RSS of each server after each round, in MB. */
export type RssByRound = Record<string, number[]>;

const RSS_LIMIT_MB = 150;
/** "Not growing": the last round's settled RSS within 10% (and 10 MB) of the first round's. */
const GROWTH_TOLERANCE = 0.1;

function fixed(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function ratioCheck(
  target: string,
  summary: Summary | undefined,
  ratio: number | undefined,
  goal: number,
): TargetCheck {
  if (!summary || summary.skipped || ratio === undefined) {
    return { target, measured: summary?.skipped ?? 'not measured', met: undefined };
  }
  return { target, measured: `${ratio.toFixed(2)}×`, met: ratio >= goal };
}

/** Checks every target of issue 7 against this run. */
export function checkTargets(
  summaries: Summary[],
  rss: RssByRound,
  rest: RssByRound,
  settings: BenchSettings,
): TargetCheck[] {
  const get = (id: string): Summary | undefined => summaries.find((summary) => summary.id === id);
  const token = get('token/b');
  const latency = get('latency_bound/b');
  const flow = get('code_flow/a');
  const ideal = settings.latencyConnections / (settings.latencyDelayMs / 1000);
  const checks: TargetCheck[] = [
    ratioCheck('(b) token ≥ 0.75 × (c)', token, token?.vsC, 0.75),
    ratioCheck(
      'client_credentials (a) ≥ 1.0 × (d)',
      get('client_credentials/a'),
      get('client_credentials/a')?.vsD,
      1,
    ),
    ratioCheck(
      'introspection (a) ≥ 1.0 × (d)',
      get('introspection/a'),
      get('introspection/a')?.vsD,
      1,
    ),
    flow && !flow.skipped
      ? {
          target: 'code flow ≥ 300 flows/s',
          measured: `${fixed(flow.rate, 1)} flows/s`,
          met: flow.rate >= 300,
        }
      : {
          target: 'code flow ≥ 300 flows/s',
          measured: flow?.skipped ?? 'not measured',
          met: undefined,
        },
  ];
  if (latency && !latency.skipped) {
    const share = latency.rate / ideal;
    checks.push({
      target: `latency-bound ≥ 90% of ideal (${ideal} req/s), p99 ≤ 130 ms`,
      measured: `${(share * 100).toFixed(1)}%, p99 ${fixed(latency.p99)} ms`,
      met: share >= 0.9 && latency.p99 <= 130,
    });
  } else {
    checks.push({
      target: 'latency-bound ≥ 90% of ideal, p99 ≤ 130 ms',
      measured: latency?.skipped ?? 'not measured',
      met: undefined,
    });
  }
  for (const server of ['a', 'b']) {
    const rounds = rest[server] ?? [];
    const first = rounds[0];
    const last = rounds[rounds.length - 1];
    if (first === undefined || last === undefined) continue;
    const growing = last > first * (1 + GROWTH_TOLERANCE) && last - first > 10;
    const atEnd = (rss[server] ?? []).map((value) => fixed(value)).join(' → ');
    checks.push({
      target: `RSS (${server}) < ${RSS_LIMIT_MB} MB at rest after a run, not growing across rounds`,
      measured: `${rounds.map((value) => fixed(value)).join(' → ')} MB at rest (at the end of each round, under load's heap: ${atEnd} MB)`,
      met: last < RSS_LIMIT_MB && !growing,
    });
  }
  return checks;
}
