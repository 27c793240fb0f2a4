import type { Params } from 'nestjs-pino';
import { type DestinationStream, destination as pinoDestination } from 'pino';
import type { Options } from 'pino-http';
import { type LoggedRequest, loggedRequest, type RawRequest } from './logged-request';
import { REDACT_PATHS, REDACTED } from './redaction';

function serializeRequest(request: { raw?: RawRequest } & Record<string, unknown>): LoggedRequest {
  return loggedRequest(request.raw, request.raw?.id ?? request['id']);
}

function serializeResponse(response: { statusCode?: number }): { statusCode?: number } {
  return { statusCode: response.statusCode };
}

/** Longest a log line waits in the buffer under light traffic. */
const FLUSH_INTERVAL_MS = 1_000;

/**
 * Standard output written asynchronously in chunks of at least 4 KiB: one system call per ~20
 * lines instead of one blocking write per line, and at least once a second so light traffic is
 * not held back. pino flushes it synchronously when the process exits (normally, on a signal
 * handled by main.ts, or on an uncaught exception).
 */
function bufferedStdout(): DestinationStream {
  const stream = pinoDestination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stream.flush(), FLUSH_INTERVAL_MS).unref();
  return stream;
}

/**
 * nestjs-pino settings (design.md §4 `LOG_LEVEL`): JSON lines at `level`. Only method, redacted URL,
 * peer, user agent, request id, FAPI interaction id and status are logged for a request — no
 * headers, no bodies — and pino's `redact` masks credentials in anything else logged.
 *
 * nestjs-pino's per-request middleware is not mounted (`forRoutes: []`): it builds a child logger
 * and an async-context store for every request through Nest's middleware runner, which cost more
 * than a whole pass-through request (docs/benchmarks.md). The one line per request is written by a
 * Fastify `onResponse` hook instead (`access-log.ts`), through the same root logger.
 */
export function loggerParams(level: string, destination?: DestinationStream): Params {
  const options: Options = {
    level,
    serializers: { req: serializeRequest, res: serializeResponse },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
  };
  return { pinoHttp: [options, destination ?? bufferedStdout()], forRoutes: [] };
}
