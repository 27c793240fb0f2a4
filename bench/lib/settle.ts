import type { ChildServer } from './child-server';

/** Longest wait for memory to settle, and how long RSS must stop falling to count as settled. */
const MAX_WAIT_MS = 30_000;
const MIN_WAIT_MS = 12_000;
const QUIET_MS = 5_000;
const POLL_MS = 1_000;
/** A fall smaller than this (MB) is noise, not V8 returning memory. */
const NOISE_MB = 2;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * RSS of each server at rest after a run: polls every second, without load, for at least 12 s and
 * until no server's RSS has fallen by more than 2 MB for 5 s (at most 30 s). Under load V8 grows its heap and
 * keeps it while allocation continues; once a process idles, its memory reducer collects and
 * returns that heap to the system within seconds — so the RSS right at the end of a run shows the
 * load, and the settled RSS shows what the process keeps (code, live state, allocator pools).
 */
export async function settleRss(servers: ChildServer[]): Promise<Record<string, number>> {
  const lowest: Record<string, number> = {};
  for (const server of servers) lowest[server.spec.id] = server.memoryMb().rss;
  let quietSince = Date.now();
  const started = Date.now();
  const settled = (): boolean =>
    Date.now() - started >= MIN_WAIT_MS && Date.now() - quietSince >= QUIET_MS;
  while (Date.now() - started < MAX_WAIT_MS && !settled()) {
    await sleep(POLL_MS);
    for (const server of servers) {
      const id = server.spec.id;
      const rss = server.memoryMb().rss;
      if (rss < (lowest[id] ?? Infinity) - NOISE_MB) quietSince = Date.now();
      lowest[id] = Math.min(lowest[id] ?? Infinity, rss);
    }
  }
  return lowest;
}

/** `a 128, b 126, …` for the console. */
export function describeRss(rss: Record<string, number>): string {
  return Object.entries(rss)
    .map(([id, value]) => `${id} ${value.toFixed(0)}`)
    .join(', ');
}
