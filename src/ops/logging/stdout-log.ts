import { destination as pinoDestination } from 'pino';

/** The stream pino builds for a file descriptor (sonic-boom). */
type StdoutStream = ReturnType<typeof pinoDestination>;

/** Longest a log line waits in the buffer under light traffic. */
const FLUSH_INTERVAL_MS = 1_000;

/**
 * Most log data held while standard output does not take it (a full pipe, a stalled log shipper):
 * beyond this, lines are dropped rather than memory growing without bound.
 */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

let stream: StdoutStream | undefined;
let abandoned = false;

function ignore(): void {}

/**
 * Standard output for the JSON logs, one per process: written asynchronously in chunks of at least
 * 4 KiB (one system call per ~20 lines instead of a blocking write per line) and at least once a
 * second. Logging never blocks or stops the process: a closed pipe (EPIPE) silences the stream,
 * a full pipe makes lines wait — up to {@link MAX_BUFFERED_BYTES}, then they are dropped — and at
 * exit {@link settleStdoutLog} bounds how long the last lines may take.
 */
export function stdoutLog(): StdoutStream {
  if (stream) return stream;
  const created = pinoDestination({
    dest: 1,
    sync: false,
    minLength: 4096,
    maxLength: MAX_BUFFERED_BYTES,
    // Keep retrying a full pipe while running; once the process is leaving, give up at once.
    retryEAGAIN: () => !abandoned,
  });
  // pino turns EPIPE into silence; any other write error (EAGAIN once abandoned) drops the lines.
  created.on('error', ignore);
  setInterval(() => {
    if (!abandoned) created.flush();
  }, FLUSH_INTERVAL_MS).unref();
  stream = created;
  return created;
}

/**
 * Writes out the buffered log lines, waiting at most `withinMs` (a full or stalled pipe), then
 * detaches the stream so nothing — not pino's own flush at exit — can block the process on it.
 */
export async function settleStdoutLog(withinMs: number): Promise<void> {
  const current = stream;
  if (current === undefined || abandoned) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise<void>((resolve) => {
      try {
        current.flush(() => resolve());
      } catch {
        resolve();
      }
    }),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, withinMs));
    }),
  ]);
  clearTimeout(timer);
  abandonStdoutLog();
}

/** Stops writing logs at once (the process is about to exit and stdout does not drain). */
export function abandonStdoutLog(): void {
  abandoned = true;
  if (stream === undefined) return;
  stream.flushSync = ignore;
  stream.write = () => true;
}

/**
 * Keeps the process alive when its own standard streams break: a write to a closed stdout or
 * stderr pipe emits EPIPE, which must not become an uncaught exception (`npm start | head`).
 */
export function ignoreBrokenStdio(): void {
  for (const output of [process.stdout, process.stderr]) output.on('error', ignore);
}
