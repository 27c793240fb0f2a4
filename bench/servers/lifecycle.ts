/**
 * The child side of a benchmarked server: tells the parent (over IPC) where it listens, and stops
 * by itself — on SIGTERM/SIGINT, when the parent goes away, or after BENCH_CHILD_MAX_MS — closing
 * cleanly. It also answers the parent's profile and memory requests (profiler.ts, memory-probe.ts).
 */
import { acceptMemoryRequests } from './memory-probe';
import { acceptProfileRequests } from './profiler';

/** The message a child sends once it listens. */
export interface ReadyMessage {
  type: 'ready';
  url: string;
  /** Anything the parent needs from this server (e.g. a pre-minted token). */
  info: Record<string, string>;
}

const DEFAULT_MAX_LIFETIME_MS = 15 * 60 * 1000;

/** Registers the stop handlers and the lifetime bound; `close` releases the listener. */
export function stopWhenAsked(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
  const lifetime = Number(process.env.BENCH_CHILD_MAX_MS ?? DEFAULT_MAX_LIFETIME_MS);
  setTimeout(stop, lifetime).unref();
  acceptProfileRequests();
  acceptMemoryRequests();
}

/** Tells the parent that the server is listening. */
export function announceReady(url: string, info: Record<string, string> = {}): void {
  const message: ReadyMessage = { type: 'ready', url, info };
  if (process.send) process.send(message);
  else process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Reports a start-up failure and exits non-zero. */
export function failStart(error: unknown): never {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}

/** The listening port from the environment (the parent picks a free one). */
export function portFromEnv(): number {
  const port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port <= 0) failStart(new Error('PORT must be set'));
  return port;
}
