import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { REDACT_PATHS, REDACTED, redactUrl } from './redaction';

/** The fields of a request worth logging; never headers with credentials, never the body. */
interface LoggedRequest {
  id: unknown;
  method?: string;
  url: string;
  remoteAddress?: string;
  userAgent?: string;
  fapiInteractionId?: string;
}

/** The raw request; middleware engines rewrite `url` and keep the original in `originalUrl`. */
type RawRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

function serializeRequest(request: { raw?: RawRequest } & Record<string, unknown>): LoggedRequest {
  const raw = request.raw;
  const headers = raw?.headers ?? {};
  const agent = headers['user-agent'];
  const interaction = headers['x-fapi-interaction-id'];
  return {
    id: raw?.id ?? request['id'],
    method: raw?.method,
    url: redactUrl(raw?.originalUrl ?? raw?.url ?? ''),
    remoteAddress: raw?.socket?.remoteAddress,
    ...(typeof agent === 'string' ? { userAgent: agent.slice(0, 200) } : {}),
    ...(typeof interaction === 'string' ? { fapiInteractionId: interaction } : {}),
  };
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
  return { pinoHttp: destination ? [options, destination] : options, forRoutes: [] };
}
