/**
 * `node dist/bench/ablation.js`: what each layer of the service costs, measured the same way as
 * `npm run bench` (interleaved rounds, CPU per operation from /proc). Starts the service in several
 * configurations — as deployed, without access logs, without the rate-limit guard, without both —
 * next to the bare pass-through, and prints req/s and CPU ms per request for each. BENCH_ABLATION=b,c,a selects
 * the groups (default b,c); BENCH_FAKE_DELAY_MS makes the fake answer late (latency-bound case);
 * BENCH_LAYERS picks layers by index (e.g. 0,4); BENCH_ROUNDS / BENCH_SECONDS / BENCH_CONNECTIONS
 * as for the main run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readSettings } from './config';
import { type FixedRequest, cannon } from './lib/cannon';
import { type ChildServer, type ServerSpec, startChildServer } from './lib/child-server';
import { basicAuth, closePools, formHeaders, send } from './lib/http-client';
import { median } from './lib/stats';
import { fakeSpec, passthroughSpec, serviceOnEngineSpec, serviceOnFakeSpec } from './server-specs';

interface Variant {
  id: string;
  spec: ServerSpec;
}

const TOKEN: FixedRequest = {
  method: 'POST',
  path: '/api/token',
  headers: formHeaders({ authorization: basicAuth('demo-service', 'demo-service-secret') }),
  body: 'grant_type=client_credentials&scope=read',
};

const LAYERS: [string, Record<string, string>][] = [
  ['as deployed', {}],
  ['LOG_LEVEL=warn', { LOG_LEVEL: 'warn' }],
  ['THROTTLE_ENABLED=false', { THROTTLE_ENABLED: 'false' }],
  ['both', { LOG_LEVEL: 'warn', THROTTLE_ENABLED: 'false' }],
];

function withEnv(spec: ServerSpec, id: string, extra: Record<string, string>): Variant {
  return { id, spec: { ...spec, id, env: (port) => ({ ...spec.env?.(port), ...extra }) } };
}

function variants(groups: string[], fakeUrl: string): Variant[] {
  const list: Variant[] = [];
  if (groups.includes('c')) list.push(withEnv(passthroughSpec(fakeUrl, []), 'c: pass-through', {}));
  const picked = (process.env.BENCH_LAYERS ?? '').split(',').filter((item) => item !== '');
  const layers =
    picked.length > 0 ? LAYERS.filter((_, index) => picked.includes(String(index))) : LAYERS;
  for (const [label, env] of layers) {
    if (groups.includes('b')) {
      list.push(withEnv(serviceOnFakeSpec(fakeUrl, []), `b: ${label}`, env));
    }
    if (groups.includes('a')) list.push(withEnv(serviceOnEngineSpec([]), `a: ${label}`, env));
  }
  return list;
}

async function main(): Promise<void> {
  const settings = readSettings();
  const groups = (process.env.BENCH_ABLATION ?? 'b,c').split(',').map((group) => group.trim());
  const fake = await startChildServer(fakeSpec);
  const delayMs = Number(process.env.BENCH_FAKE_DELAY_MS ?? 0);
  if (delayMs > 0) await send(`${fake.url}/__bench/delay?ms=${delayMs}`, 'POST');
  const list = variants(groups, fake.url);
  const servers: ChildServer[] = [];
  try {
    for (const variant of list) servers.push(await startChildServer(variant.spec));
    for (const server of servers) {
      await cannon(server.url, TOKEN, settings.connections, settings.warmupSeconds);
    }
    const rates = new Map<string, number[]>();
    const cpu = new Map<string, number[]>();
    const p99 = new Map<string, number[]>();
    for (let round = 1; round <= settings.rounds; round += 1) {
      const order = round % 2 === 1 ? servers : [...servers].reverse();
      for (const server of order) {
        const before = server.cpuSeconds();
        const result = await cannon(server.url, TOKEN, settings.connections, settings.seconds);
        const used = server.cpuSeconds() - before;
        const id = server.spec.id;
        (rates.get(id) ?? rates.set(id, []).get(id)!).push(result.ok / result.seconds);
        (cpu.get(id) ?? cpu.set(id, []).get(id)!).push((used * 1000) / Math.max(1, result.ok));
        (p99.get(id) ?? p99.set(id, []).get(id)!).push(result.p99);
        console.log(
          `  r${round} ${id.padEnd(32)} ${(result.ok / result.seconds).toFixed(0).padStart(6)} req/s  ${((used * 1000) / Math.max(1, result.ok)).toFixed(3)} ms CPU/req  failed ${result.failed}`,
        );
      }
    }
    const rows = list.map((variant) => ({
      variant: variant.id,
      reqPerSecond: median(rates.get(variant.id) ?? []),
      cpuMsPerRequest: median(cpu.get(variant.id) ?? []),
      p99Ms: median(p99.get(variant.id) ?? []),
    }));
    console.log(
      '\n| variant | req/s (median) | CPU ms/req (median) | p99 ms |\n|---|---:|---:|---:|',
    );
    for (const row of rows) {
      console.log(
        `| ${row.variant} | ${row.reqPerSecond.toFixed(0)} | ${row.cpuMsPerRequest.toFixed(3)} | ${row.p99Ms.toFixed(0)} |`,
      );
    }
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/ablation.json', JSON.stringify({ settings, rows }, null, 2));
  } finally {
    await closePools();
    await Promise.all([...servers, fake].map((server) => server.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
