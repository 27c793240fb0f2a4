/**
 * The memory phase of `npm run bench` (issue 16): fresh (a) and (d) each answer the same number
 * of client_credentials grants (250,000 by default, every token still valid), then rest; the
 * report compares their RSS at that same token count and derives the live heap per stored token.
 */
import type { BenchSettings } from './config';
import { cannonAmount } from './lib/cannon';
import { type ChildServer, startChildServer } from './lib/child-server';
import { basicAuth, formHeaders } from './lib/http-client';
import { settleRss } from './lib/settle';
import { oidcProviderSpec, serviceOnEngineSpec } from './server-specs';

/** What one server holds after the grants. */
export interface MemoryPhaseResult {
  server: string;
  grants: number;
  failed: number;
  seconds: number;
  /** RSS and live heap (after a forced GC) once started and warmed with one grant, in MB. */
  rssAtStartMb: number;
  heapAtStartMb: number;
  /** RSS at rest and live heap after the grants, in MB. */
  rssMb: number;
  heapMb: number;
  /** Live heap growth per stored token, in bytes. */
  bytesPerToken: number;
}

const REQUEST = {
  method: 'POST' as const,
  headers: formHeaders({ authorization: basicAuth('demo-service', 'demo-service-secret') }),
  body: 'grant_type=client_credentials&scope=read',
};

async function fill(server: ChildServer, path: string, grants: number): Promise<MemoryPhaseResult> {
  await cannonAmount(server.url, { ...REQUEST, path }, 1, 1);
  const start = await server.heapAfterGc();
  const rssAtStart = server.memoryMb().rss;
  const result = await cannonAmount(server.url, { ...REQUEST, path }, 100, grants);
  const rest = await settleRss([server]);
  const after = await server.heapAfterGc();
  return {
    server: server.spec.id,
    grants: result.ok,
    failed: result.failed,
    seconds: result.seconds,
    rssAtStartMb: rssAtStart,
    heapAtStartMb: start.heapUsedMb,
    rssMb: Math.min(rest[server.spec.id] ?? Infinity, after.rssMb),
    heapMb: after.heapUsedMb,
    bytesPerToken: ((after.heapUsedMb - start.heapUsedMb) * 1024 * 1024) / Math.max(1, result.ok),
  };
}

/** Runs the phase on fresh servers, one after the other (each alone on the machine's cores). */
export async function runMemoryPhase(settings: BenchSettings): Promise<MemoryPhaseResult[]> {
  if (settings.memoryGrants === 0) return [];
  const results: MemoryPhaseResult[] = [];
  for (const [spec, path] of [
    [serviceOnEngineSpec([]), '/api/token'],
    [oidcProviderSpec([]), '/token'],
  ] as const) {
    const server = await startChildServer(spec);
    try {
      results.push(await fill(server, path, settings.memoryGrants));
    } finally {
      await server.stop();
    }
  }
  return results;
}
