import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { type LoggedRequest, loggedRequest, type RawRequest } from './logged-request';
import { REDACT_PATHS, REDACTED } from './redaction';
import { stdoutLog } from './stdout-log';

function serializeRequest(request: { raw?: RawRequest } & Record<string, unknown>): LoggedRequest {
  return loggedRequest(request.raw, request.raw?.id ?? request['id']);
}

function serializeResponse(response: { statusCode?: number }): { statusCode?: number } {
  return { statusCode: response.statusCode };
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
  return { pinoHttp: [options, destination ?? stdoutLog()], forRoutes: [] };
}
