/**
 * `node dist/bench/compare.js`: this build's (a) against another server, round by round, on
 * client_credentials grants — the paired A/B that measures one change (issue 16). Each round runs
 * both back to back (alternating which goes first), so the host's drift between rounds cancels in
 * the per-round ratio. The other server is, by `BENCH_COMPARE`:
 * - a path to another build's `dist/bench/servers/service.js` (a git worktree of the commit before
 *   the change, built with `npx tsc -p tsconfig.build.json`, its node_modules linked to these);
 * - `d`: oidc-provider@8, as in `npm run bench`.
 * BENCH_ROUNDS / BENCH_SECONDS / BENCH_WARMUP_SECONDS / BENCH_CONNECTIONS as for the main run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSettings } from './config';
import { type FixedRequest, cannon } from './lib/cannon';
import { type ChildServer, type ServerSpec, startChildServer } from './lib/child-server';
import { basicAuth, closePools, formHeaders } from './lib/http-client';
import { describeRatio, median, pairedRatio } from './lib/stats';
import { oidcProviderSpec, serviceOnEngineSpec } from './server-specs';

const GRANT = {
  method: 'POST' as const,
  headers: formHeaders({ authorization: basicAuth('demo-service', 'demo-service-secret') }),
  body: 'grant_type=client_credentials&scope=read',
};

interface Side {
  label: string;
  spec: ServerSpec;
  request: FixedRequest;
}

function otherSide(choice: string): Side {
  if (choice === 'd') {
    return { label: 'd', spec: oidcProviderSpec([]), request: { ...GRANT, path: '/token' } };
  }
  const script = resolve(choice);
  if (!existsSync(script)) throw new Error(`BENCH_COMPARE: no such file ${script}`);
  const spec = { ...serviceOnEngineSpec([]), id: 'base', name: `(a) of ${script}`, script };
  return { label: 'base', spec, request: { ...GRANT, path: '/api/token' } };
}

interface Round {
  round: number;
  rate: number;
  cpuMs: number;
}

async function runOnce(server: ChildServer, side: Side, seconds: number, connections: number) {
  const before = server.cpuSeconds();
  const result = await cannon(server.url, side.request, connections, seconds);
  const cpuMs = ((server.cpuSeconds() - before) * 1000) / Math.max(1, result.ok);
  return { rate: result.ok / result.seconds, cpuMs, failed: result.failed };
}

async function main(): Promise<void> {
  const choice = process.env.BENCH_COMPARE;
  if (choice === undefined || choice === '') {
    throw new Error('set BENCH_COMPARE to d or to another build’s dist/bench/servers/service.js');
  }
  const settings = readSettings();
  const sides: Side[] = [
    { label: 'this', spec: serviceOnEngineSpec([]), request: { ...GRANT, path: '/api/token' } },
    otherSide(choice),
  ];
  const servers: ChildServer[] = [];
  try {
    for (const side of sides) servers.push(await startChildServer(side.spec));
    const { seconds, connections, warmupSeconds } = settings;
    for (const [index, side] of sides.entries()) {
      await runOnce(servers[index]!, side, warmupSeconds, connections);
    }
    const rounds: Round[][] = [[], []];
    for (let round = 1; round <= settings.rounds; round += 1) {
      const order = round % 2 === 1 ? [0, 1] : [1, 0];
      for (const index of order) {
        const run = await runOnce(servers[index]!, sides[index]!, seconds, connections);
        rounds[index]!.push({ round, rate: run.rate, cpuMs: run.cpuMs });
        console.log(
          `  r${round} ${sides[index]!.label.padEnd(5)} ${run.rate.toFixed(0).padStart(6)} req/s  ${run.cpuMs.toFixed(3)} ms CPU/grant  failed ${run.failed}`,
        );
      }
    }
    for (const [index, side] of sides.entries()) {
      const mine = rounds[index]!;
      console.log(
        `${side.label}: median ${median(mine.map((r) => r.rate)).toFixed(0)} req/s, ${median(mine.map((r) => r.cpuMs)).toFixed(4)} ms CPU per grant`,
      );
    }
    const ratio = pairedRatio(rounds[0]!, rounds[1]!);
    if (ratio !== undefined) {
      console.log(`this / ${sides[1]!.label}: ${describeRatio(ratio)}`);
    }
  } finally {
    await closePools();
    await Promise.all(servers.map((server) => server.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
